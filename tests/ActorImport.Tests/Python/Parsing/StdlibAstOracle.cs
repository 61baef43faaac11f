using System.Text.Json;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Parsing;

/// <summary>
/// Asks python3, in ONE process, about every <c>.py</c> file of its standard library (recursively,
/// tests included; <c>site-packages</c> is not the standard library and is left out): whether
/// <c>compile()</c> accepts it, and for those it accepts the top-level bound names and the
/// import statements, from <c>ast</c>, with the definitions that <see cref="ModuleFacts"/>
/// documents.
/// </summary>
internal static class StdlibAstOracle
{
    public const string Script = """
import ast, json, os, sys, warnings
warnings.simplefilter('ignore')

def target_names(t, out):
    if isinstance(t, ast.Name):
        out.add(t.id)
    elif isinstance(t, (ast.Tuple, ast.List)):
        for e in t.elts:
            target_names(e, out)
    elif isinstance(t, ast.Starred):
        target_names(t.value, out)

def owned(node):
    # AST children of node that are not statements: its expressions and helpers.
    for _, value in ast.iter_fields(node):
        for v in (value if isinstance(value, list) else [value]):
            if isinstance(v, ast.AST) and not isinstance(v, ast.stmt):
                yield v

def walrus(node, out):
    if isinstance(node, ast.Lambda):
        return
    if isinstance(node, ast.NamedExpr):
        target_names(node.target, out)
    for child in owned(node):
        walrus(child, out)

def pattern_names(p, out):
    for n in ast.walk(p):
        if isinstance(n, (ast.MatchAs, ast.MatchStar)) and n.name:
            out.add(n.name)
        elif isinstance(n, ast.MatchMapping) and n.rest:
            out.add(n.rest)

def bound(body, out):
    for s in body:
        walrus(s, out)
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(s.name)
            continue
        if isinstance(s, ast.Assign):
            for t in s.targets:
                target_names(t, out)
        elif isinstance(s, ast.AugAssign):
            target_names(s.target, out)
        elif isinstance(s, ast.AnnAssign):
            if s.value is not None:
                target_names(s.target, out)
        elif isinstance(s, (ast.For, ast.AsyncFor)):
            target_names(s.target, out)
        elif isinstance(s, (ast.With, ast.AsyncWith)):
            for item in s.items:
                if item.optional_vars is not None:
                    target_names(item.optional_vars, out)
        elif isinstance(s, ast.Import):
            for a in s.names:
                out.add(a.asname or a.name.split('.')[0])
        elif isinstance(s, ast.ImportFrom):
            for a in s.names:
                if a.name != '*':
                    out.add(a.asname or a.name)
        elif isinstance(s, getattr(ast, 'TryStar', ast.Try)) or isinstance(s, ast.Try):
            for h in s.handlers:
                if h.name:
                    out.add(h.name)
                bound(h.body, out)
        elif isinstance(s, ast.Match):
            for c in s.cases:
                pattern_names(c.pattern, out)
                bound(c.body, out)
        elif type(s).__name__ == 'TypeAlias':
            out.add(s.name.id)
        for field in ('body', 'orelse', 'finalbody'):
            sub = getattr(s, field, None)
            if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
                bound(sub, out)

def imports(node, in_function, out):
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import):
            for a in child.names:
                pass
            out.append(['import', None, 0, [[a.name, a.asname] for a in child.names], child.lineno, in_function])
        elif isinstance(child, ast.ImportFrom):
            out.append(['from', child.module, child.level, [[a.name, a.asname] for a in child.names], child.lineno, in_function])
        imports(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)), out)

root = sys.argv[1]
files = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames[:] = sorted(d for d in dirnames if d not in ('site-packages', '__pycache__'))
    for name in sorted(filenames):
        if not name.endswith('.py'):
            continue
        path = os.path.join(dirpath, name)
        entry = {'path': os.path.relpath(path, root).replace(os.sep, '/')}
        with open(path, 'rb') as f:
            data = f.read()
        try:
            tree = compile(data, path, 'exec', ast.PyCF_ONLY_AST, dont_inherit=True)
            compile(tree, path, 'exec', dont_inherit=True)
        except (SyntaxError, ValueError, UnicodeDecodeError) as e:
            entry['rejected'] = f'{type(e).__name__}: {e}'
            files.append(entry)
            continue
        names = set()
        bound(tree.body, names)
        entry['bound'] = sorted(names)
        found = []
        imports(tree, False, found)
        entry['imports'] = found
        files.append(entry)
json.dump({'files': files}, sys.stdout)
""";

    /// <summary>Runs the script over <paramref name="stdlib"/>; the answer is keyed by the path relative to it, with '/' separators.</summary>
    public static Dictionary<string, JsonElement> Run(string stdlib)
    {
        JsonElement answer = PythonOracle.RunJson(Script, [stdlib]);
        return answer.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f);
    }
}
