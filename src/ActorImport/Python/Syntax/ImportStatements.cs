using System.Collections.Immutable;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Syntax;

/// <summary>
/// One <c>name [as alias]</c> of an import statement. <see cref="Name"/> is dotted for
/// <c>import a.b.c</c>; for <c>from m import *</c> it is <c>*</c>. Immutable.
/// </summary>
public sealed record ImportAlias(SourcePosition Position, string Name, string? AsName);

/// <summary>
/// <c>[lazy] import a.b as c, d</c>. <see cref="IsLazy"/> marks a PEP 810 explicit lazy import
/// (the parser has already checked that it stands where PEP 810 allows it).
/// <see cref="IsInFunction"/> is true inside any <c>def</c> (at any depth, including a class
/// nested in a function): such imports are deferred, recorded but not run at import time.
/// </summary>
public sealed record ImportStatement(SourcePosition Position, ImmutableArray<ImportAlias> Names, bool IsLazy, bool IsInFunction) : Statement(Position)
{
    /// <summary>The names this statement binds: the alias, or else the first dotted component.</summary>
    public ImmutableArray<string> BoundNames => Names.Select(a => a.AsName ?? FirstComponent(a.Name)).ToImmutableArray();

    private static string FirstComponent(string dotted)
    {
        int dot = dotted.IndexOf('.');
        return dot < 0 ? dotted : dotted[..dot];
    }
}

/// <summary>
/// <c>[lazy] from [.…]module import names</c>. <see cref="Module"/> is <c>null</c> for
/// <c>from . import x</c>; <see cref="Level"/> counts the leading dots (a <c>...</c> token
/// counts three). <see cref="IsStar"/> means <c>import *</c> (then <see cref="Names"/> holds
/// one alias named <c>*</c>).
/// </summary>
public sealed record ImportFromStatement(SourcePosition Position, string? Module, int Level, ImmutableArray<ImportAlias> Names, bool IsStar, bool IsLazy, bool IsInFunction) : Statement(Position)
{
    /// <summary>The names this statement binds (none for <c>*</c>: those depend on the module).</summary>
    public ImmutableArray<string> BoundNames => IsStar ? [] : Names.Select(a => a.AsName ?? a.Name).ToImmutableArray();
}
