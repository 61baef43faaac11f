using System.Collections.Immutable;
using ActorImport.Python.Syntax;

namespace ActorImport.Tests.Python.Parsing;

/// <summary>
/// What the conformance tests compare with CPython's <c>ast</c>, computed from our tree with the
/// same definitions as <see cref="StdlibOracle.Script"/>:
/// <list type="bullet">
/// <item>Top-level bound names: names bound by statements that run at module level, including
/// inside top-level <c>if</c>/<c>while</c>/<c>for</c>/<c>with</c>/<c>try</c>/<c>match</c> bodies but not inside
/// <c>def</c>/<c>class</c> bodies: assignment targets (a name, or names inside tuples/lists/starred;
/// an annotated assignment only when it has a value), <c>for</c> and <c>with … as</c> targets,
/// <c>except … as</c> names, import aliases (not <c>*</c>), <c>def</c>/<c>class</c> names, match captures,
/// <c>type</c> aliases, and <c>:=</c> targets in the statement's own expressions.</item>
/// <item>Imports: every import statement anywhere in the file, as (kind, module, level, names
/// with aliases, line, inside a function).</item>
/// </list>
/// </summary>
internal static class ModuleFacts
{
    public static SortedSet<string> TopLevelBoundNames(ModuleCode module)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        AddBound(module.Body, names);
        return names;
    }

    public static List<string> Imports(ModuleCode module)
    {
        var found = new List<string>();
        AddImports(module.Body, found);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>One import in the same text form the oracle's JSON is rendered to.</summary>
    public static string Describe(string kind, string? module, int level, IEnumerable<(string Name, string? AsName)> names, int line, bool inFunction) =>
        $"{line}: {kind} {module ?? "-"} level={level} [{string.Join(", ", names.Select(n => n.AsName is null ? n.Name : $"{n.Name} as {n.AsName}"))}]{(inFunction ? " in-function" : "")}";

    private static void AddBound(ImmutableArray<Statement> body, SortedSet<string> names)
    {
        foreach (Statement statement in body)
        {
            foreach (Expression expression in statement.OwnExpressions())
            {
                names.UnionWith(expression.AssignedNames);
            }
            switch (statement)
            {
                case FunctionDefinition f:
                    names.Add(f.Name);
                    break;
                case ClassDefinition c:
                    names.Add(c.Name);
                    break;
                case AssignStatement a:
                    foreach (Target t in a.Targets)
                    {
                        names.UnionWith(t.BoundNames);
                    }
                    break;
                case AugmentedAssignStatement a:
                    names.UnionWith(a.Target.BoundNames);
                    break;
                case AnnotatedAssignStatement { Value: not null } a:
                    names.UnionWith(a.Target.BoundNames);
                    break;
                case ForStatement f:
                    names.UnionWith(f.Target.BoundNames);
                    AddBound(f.Body, names);
                    AddBound(f.OrElse, names);
                    break;
                case WhileStatement w:
                    AddBound(w.Body, names);
                    AddBound(w.OrElse, names);
                    break;
                case IfStatement i:
                    AddBound(i.Body, names);
                    AddBound(i.OrElse, names);
                    break;
                case WithStatement w:
                    foreach (WithItem item in w.Items)
                    {
                        if (item.Target is not null)
                        {
                            names.UnionWith(item.Target.BoundNames);
                        }
                    }
                    AddBound(w.Body, names);
                    break;
                case TryStatement t:
                    AddBound(t.Body, names);
                    foreach (ExceptHandler h in t.Handlers)
                    {
                        if (h.Name is not null)
                        {
                            names.Add(h.Name);
                        }
                        AddBound(h.Body, names);
                    }
                    AddBound(t.OrElse, names);
                    AddBound(t.FinalBody, names);
                    break;
                case MatchStatement m:
                    foreach (MatchCase c in m.Cases)
                    {
                        names.UnionWith(c.CaptureNames);
                        AddBound(c.Body, names);
                    }
                    break;
                case ImportStatement i:
                    names.UnionWith(i.BoundNames);
                    break;
                case ImportFromStatement i:
                    names.UnionWith(i.BoundNames);
                    break;
                case TypeAliasStatement t:
                    names.Add(t.Name);
                    break;
            }
        }
    }

    private static void AddImports(ImmutableArray<Statement> body, List<string> found, bool inFunction = false)
    {
        foreach (Statement statement in body)
        {
            switch (statement)
            {
                case ImportStatement i:
                    Assert.Equal(inFunction, i.IsInFunction);
                    found.Add(Describe("import", null, 0, i.Names.Select(n => (n.Name, n.AsName)), i.Line, i.IsInFunction));
                    break;
                case ImportFromStatement i:
                    Assert.Equal(inFunction, i.IsInFunction);
                    found.Add(Describe("from", i.Module, i.Level, i.Names.Select(n => (n.Name, n.AsName)), i.Line, i.IsInFunction));
                    break;
            }
            foreach (ImmutableArray<Statement> nested in statement.NestedBodies())
            {
                AddImports(nested, found, inFunction || statement is FunctionDefinition);
            }
        }
    }
}
