using System.Globalization;
using ActorImport.Model;

namespace ActorImport.Python.Interpreting.Values;

/// <summary>
/// Python's <c>repr()</c> of the interpreter's values, as error texts need it (<c>%R</c>):
/// tuples, lists, dicts, floats. Strings and bytes are <see cref="PythonRepr"/>'s (CPython's
/// <c>unicode_repr</c> / <c>bytes_repr</c>), the one implementation of those. Stateless.
/// </summary>
public static class PyRepr
{
    public static string Of(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => double.IsInteger(d) && Math.Abs(d) < 1e16 ? d.ToString("0.0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture),
        string s => PythonRepr.Str(s),
        PyBytes b => PythonRepr.Bytes(b.Value),
        PyTuple t => t.Count == 1 ? $"({Of(t[0])},)" : $"({string.Join(", ", t.Items.Select(Of))})",
        List<object?> l => $"[{string.Join(", ", l.Select(Of))}]",
        Dictionary<object, object?> d => $"{{{string.Join(", ", d.Select(kv => $"{Of(kv.Key)}: {Of(kv.Value)}"))}}}",
        ModuleObject m => $"<module {PythonRepr.Str(m.Name)}>",
        _ => value.ToString() ?? "",
    };
}
