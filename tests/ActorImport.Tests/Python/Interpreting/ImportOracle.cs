using System.Text;
using System.Text.Json;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// What importing a module did, in a form both sides can produce: the exception (type name and
/// <c>str()</c>) or none, the modules of the test tree that ended up in <c>sys.modules</c>, and
/// a description of chosen names' values (reprs of plain values, <c>&lt;module m&gt;</c>,
/// <c>&lt;function q&gt;</c>, <c>&lt;class q&gt;</c>, <c>&lt;instance q&gt;</c>; an opaque value
/// of ours describes as <c>&lt;opaque …&gt;</c> and so never matches CPython). Immutable.
/// </summary>
internal sealed record ImportOutcome(string? Error, string[] Modules, IReadOnlyDictionary<string, string> Values)
{
    public override string ToString() =>
        $"error: {Error ?? "none"}\nmodules: [{string.Join(", ", Modules)}]\nvalues:\n{string.Join("\n", Values.Select(kv => $"  {kv.Key} = {kv.Value}"))}";
}

/// <summary>
/// Runs one module of a temp tree both ways: under <c>python3 -I -S</c> (the tree first on
/// sys.path) and through the interpreter over a <see cref="FakeImportSystem"/> whose fallback is
/// the real standard library (so <c>import os</c> runs the real os.py on both sides), and
/// returns the two <see cref="ImportOutcome"/>s. Stateless.
/// </summary>
internal static class ImportOracle
{
    private const string Script = """
        import sys, json, importlib, types
        root, module, names = sys.argv[1], sys.argv[2], sys.argv[3:]
        sys.path.insert(0, root)
        before = set(sys.modules)
        def describe(v):
            if v is None or isinstance(v, (bool, int, float, str, bytes, range)):
                return repr(v)
            if isinstance(v, tuple):
                return '(' + ', '.join(map(describe, v)) + (',' if len(v) == 1 else '') + ')'
            if isinstance(v, list):
                return '[' + ', '.join(map(describe, v)) + ']'
            if isinstance(v, dict):
                return '{' + ', '.join(describe(k) + ': ' + describe(x) for k, x in v.items()) + '}'
            if isinstance(v, (set, frozenset)):
                return '{' + ', '.join(sorted(map(describe, v))) + '}'
            if isinstance(v, types.ModuleType):
                return '<module %s>' % v.__name__
            if isinstance(v, types.FunctionType):
                return '<function %s>' % v.__qualname__
            if isinstance(v, types.MethodType):
                return '<bound method %s>' % v.__func__.__qualname__
            if isinstance(v, types.BuiltinFunctionType):
                return '<built-in function %s>' % v.__name__
            if isinstance(v, type):
                return '<class %s>' % v.__qualname__
            return '<instance %s>' % type(v).__qualname__
        error = None
        m = None
        try:
            m = importlib.import_module(module)
        except BaseException as e:
            error = '%s: %s' % (type(e).__name__, e)
        mods = sorted(k for k, v in sys.modules.items() if k not in before and str(getattr(v, '__file__', None) or '').startswith(root))
        values = {n: (describe(getattr(m, n)) if hasattr(m, n) else '<unbound>') for n in names} if m is not None else {}
        print(json.dumps({'error': error, 'modules': mods, 'values': values}))
        """;

    /// <summary>Writes <paramref name="files"/> (relative path → source) into a new temp tree.</summary>
    public static FakeImportSystem Tree(IEnumerable<(string Path, string Source)> files, InterpreterOptions? options = null)
    {
        var fake = new FakeImportSystem(options ?? new InterpreterOptions { HonourSleep = false }, fallbackRoot: PythonOracle.Stdlib);
        foreach (var (path, source) in files)
        {
            fake.Write(path, source);
        }
        return fake;
    }

    /// <summary>CPython's outcome of <c>import module</c> in <paramref name="root"/>.</summary>
    public static ImportOutcome CPython(string root, string module, params string[] names)
    {
        JsonElement result = PythonOracle.RunJson(Script, [root, module, .. names], flags: "-I -S");
        return new ImportOutcome(
            result.GetProperty("error").GetString(),
            result.GetProperty("modules").EnumerateArray().Select(e => e.GetString()!).ToArray(),
            result.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }

    /// <summary>Our outcome of the same import.</summary>
    public static ImportOutcome Ours(FakeImportSystem fake, string module, params string[] names)
    {
        string? error = null;
        ModuleObject? imported = null;
        try
        {
            imported = fake.ImportModule(module);
        }
        catch (PythonException e)
        {
            error = $"{e.TypeName}: {e.Message}";
        }
        string root = fake.Root;
        string[] modules = fake.SysModules
            .Where(kv => kv.Value is ModuleObject m && (m.GetAttributeOrDefault("__file__") as string ?? string.Empty).StartsWith(root, StringComparison.Ordinal))
            .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        var values = imported is null
            ? new Dictionary<string, string>()
            : names.ToDictionary(n => n, n => imported.TryGetAttribute(n, out object? v) ? Describe(v) : "<unbound>");
        return new ImportOutcome(error, modules, values);
    }

    /// <summary>The description <see cref="Script"/>'s <c>describe</c> gives, for our values.</summary>
    public static string Describe(object? value) => value switch
    {
        null or bool or long or double or string or PyBytes or PyRange => PyRepr.Of(value),
        PyTuple t => "(" + string.Join(", ", t.Items.Select(Describe)) + (t.Count == 1 ? "," : "") + ")",
        List<object?> l => "[" + string.Join(", ", l.Select(Describe)) + "]",
        Dictionary<object, object?> d => "{" + string.Join(", ", d.Select(kv => Describe(kv.Key) + ": " + Describe(kv.Value))) + "}",
        HashSet<object?> s => "{" + string.Join(", ", s.Select(Describe).Order(StringComparer.Ordinal)) + "}",
        ModuleObject m => $"<module {m.Name}>",
        PyFunction f => $"<function {f.QualifiedName}>",
        PyBoundMethod b => $"<bound method {b.Function.QualifiedName}>",
        PyBuiltinFunction b => $"<built-in function {b.Name}>",
        PyClass c => $"<class {c.QualifiedName}>",
        PyExceptionClass e => $"<class {e.Name}>",
        PyBuiltinType t => $"<class {t.Name}>",
        PyInstance i => $"<instance {i.Class.QualifiedName}>",
        RaisedException r => $"<instance {r.PythonClass.QualifiedName}>",
        PythonException e => $"<instance {e.TypeName}>",
        _ => $"<opaque {value}>",
    };

    /// <summary>Runs both and asserts they agree; returns our fake for further checks (the caller disposes it).</summary>
    public static void AssertSame(FakeImportSystem fake, string module, params string[] names)
    {
        ImportOutcome cpython = CPython(fake.Root, module, names);
        ImportOutcome ours = Ours(fake, module, names);
        var diagnostics = new StringBuilder();
        foreach (InterpreterDiagnostic d in fake.Diagnostics.Where(d => d.FileName?.StartsWith(fake.Root, StringComparison.Ordinal) == true))
        {
            diagnostics.AppendLine(d.ToString());
        }
        Assert.True(cpython == ours || (cpython.Error == ours.Error && cpython.Modules.SequenceEqual(ours.Modules) && cpython.Values.OrderBy(kv => kv.Key).SequenceEqual(ours.Values.OrderBy(kv => kv.Key))),
            $"CPython:\n{cpython}\nours:\n{ours}\nour diagnostics:\n{diagnostics}");
    }
}
