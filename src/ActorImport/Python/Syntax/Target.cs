using System.Collections.Immutable;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Syntax;

/// <summary>
/// The left-hand side of an assignment, <c>for</c>, <c>with … as</c> or <c>del</c>: enough
/// structure to know which names it binds and what it reads. Every target keeps its whole
/// <see cref="Expression"/> too. Immutable; safe to share between threads.
/// </summary>
public abstract record Target(Expression Expression)
{
    public SourcePosition Position => Expression.Position;

    /// <summary>
    /// The names this target binds in the current scope, in source order: a name target binds
    /// itself, a tuple/list/starred target the names inside it; attribute and subscript targets
    /// bind nothing (they store into an object).
    /// </summary>
    public ImmutableArray<string> BoundNames
    {
        get
        {
            var names = ImmutableArray.CreateBuilder<string>();
            CollectBoundNames(names);
            return names.ToImmutable();
        }
    }

    internal abstract void CollectBoundNames(ImmutableArray<string>.Builder names);
}

/// <summary><c>name</c>.</summary>
public sealed record NameTarget(Expression Expression, string Name) : Target(Expression)
{
    internal override void CollectBoundNames(ImmutableArray<string>.Builder names) => names.Add(Name);
}

/// <summary><c>object.attribute</c>: stores into <see cref="Object"/>, binds nothing.</summary>
public sealed record AttributeTarget(Expression Expression, Expression Object, string Attribute) : Target(Expression)
{
    internal override void CollectBoundNames(ImmutableArray<string>.Builder names)
    {
    }
}

/// <summary><c>object[index]</c>: stores into <see cref="Object"/>, binds nothing.</summary>
public sealed record SubscriptTarget(Expression Expression, Expression Object, Expression Index) : Target(Expression)
{
    internal override void CollectBoundNames(ImmutableArray<string>.Builder names)
    {
    }
}

/// <summary><c>a, b</c>, <c>(a, b)</c> or <c>[a, *b]</c>.</summary>
public sealed record SequenceTarget(Expression Expression, ImmutableArray<Target> Elements, bool IsList) : Target(Expression)
{
    internal override void CollectBoundNames(ImmutableArray<string>.Builder names)
    {
        foreach (Target element in Elements)
        {
            element.CollectBoundNames(names);
        }
    }
}

/// <summary><c>*rest</c> inside a sequence target.</summary>
public sealed record StarredTarget(Expression Expression, Target Inner) : Target(Expression)
{
    internal override void CollectBoundNames(ImmutableArray<string>.Builder names) => Inner.CollectBoundNames(names);
}

/// <summary>
/// A target the parser could not take apart (for example a parenthesised call result used with
/// <c>del</c>); it binds nothing. CPython would reject most of these at compile time.
/// </summary>
public sealed record OpaqueTarget(Expression Expression) : Target(Expression)
{
    internal override void CollectBoundNames(ImmutableArray<string>.Builder names)
    {
    }
}
