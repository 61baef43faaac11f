using System.Collections.Immutable;

namespace ActorImport.Python.Syntax;

/// <summary>
/// Generic access to the parts of any statement, for walks over a tree (finding every import,
/// every name a statement reads) without a switch over all statement kinds at each call site.
/// Stateless; the tree is immutable, so walks may run on any thread.
/// </summary>
public static class StatementParts
{
    /// <summary>
    /// The expressions <paramref name="statement"/> evaluates itself, in source order, not those
    /// of the statements nested in it: for a <c>def</c> its decorators, type parameters,
    /// parameter annotations and defaults and return annotation (all evaluated when the
    /// <c>def</c> runs); for a <c>class</c> its decorators and arguments; target expressions
    /// (which read the objects of attribute and subscript targets) included.
    /// </summary>
    public static IEnumerable<Expression> OwnExpressions(this Statement statement)
    {
        IEnumerable<Expression?> own = statement switch
        {
            ExpressionStatement s => [s.Value],
            AssignStatement s => [.. s.Targets.Select(t => t.Expression), s.Value],
            AugmentedAssignStatement s => [s.Target.Expression, s.Value],
            AnnotatedAssignStatement s => [s.Target.Expression, s.Annotation, s.Value],
            DeleteStatement s => s.Targets.Select(t => t.Expression),
            ReturnStatement s => [s.Value],
            RaiseStatement s => [s.Exception, s.Cause],
            AssertStatement s => [s.Test, s.Message],
            TypeAliasStatement s => [s.TypeParameters, s.Value],
            IfStatement s => [s.Test],
            WhileStatement s => [s.Test],
            ForStatement s => [s.Target.Expression, s.Iterable],
            WithStatement s => s.Items.SelectMany(i => new[] { i.Context, i.Target?.Expression }),
            TryStatement s => s.Handlers.Select(h => h.Type),
            MatchStatement s => [s.Subject, .. s.Cases.SelectMany(c => new[] { c.Pattern, c.Guard })],
            FunctionDefinition s => [.. s.Decorators, s.TypeParameters, .. s.Parameters.SelectMany(p => new[] { p.Annotation, p.Default }), s.Returns],
            ClassDefinition s => [.. s.Decorators, s.TypeParameters, .. s.Arguments.Select(a => a.Value)],
            _ => [],
        };
        return own.OfType<Expression>();
    }

    /// <summary>
    /// The statement lists nested in <paramref name="statement"/>, in source order (empty
    /// <c>else</c>/<c>finally</c> lists included as empty arrays); none for a simple statement.
    /// </summary>
    public static IEnumerable<ImmutableArray<Statement>> NestedBodies(this Statement statement) => statement switch
    {
        IfStatement s => [s.Body, s.OrElse],
        WhileStatement s => [s.Body, s.OrElse],
        ForStatement s => [s.Body, s.OrElse],
        WithStatement s => [s.Body],
        TryStatement s => [s.Body, .. s.Handlers.Select(h => h.Body), s.OrElse, s.FinalBody],
        MatchStatement s => s.Cases.Select(c => c.Body),
        FunctionDefinition s => [s.Body],
        ClassDefinition s => [s.Body],
        _ => [],
    };

    /// <summary>Every statement of <paramref name="body"/> and, depth first in source order, of the bodies nested in it (function and class bodies included).</summary>
    public static IEnumerable<Statement> DescendantsAndSelf(this ImmutableArray<Statement> body)
    {
        foreach (Statement statement in body)
        {
            yield return statement;
            foreach (ImmutableArray<Statement> nested in statement.NestedBodies())
            {
                foreach (Statement inner in nested.DescendantsAndSelf())
                {
                    yield return inner;
                }
            }
        }
    }
}
