using System.Collections.Immutable;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Syntax;

// The simple statements other than imports (see ImportStatements.cs). Immutable records.

/// <summary>An expression evaluated for its effect (a call, a docstring, <c>...</c>).</summary>
public sealed record ExpressionStatement(SourcePosition Position, Expression Value) : Statement(Position);

/// <summary>
/// <c>t1 = t2 = value</c>: the targets in source order (CPython assigns them left to right).
/// <see cref="Value"/> may be a bare tuple (<c>a = 1, 2</c>) or a <c>yield</c>.
/// </summary>
public sealed record AssignStatement(SourcePosition Position, ImmutableArray<Target> Targets, Expression Value) : Statement(Position);

/// <summary><c>target op= value</c>; <see cref="Operator"/> is the token text, e.g. <c>+=</c>.</summary>
public sealed record AugmentedAssignStatement(SourcePosition Position, Target Target, string Operator, Expression Value) : Statement(Position);

/// <summary>
/// <c>target: annotation [= value]</c>. Binds the target only when <see cref="Value"/> is
/// present. <see cref="IsSimple"/> is CPython's <c>simple</c>: an unparenthesised name.
/// </summary>
public sealed record AnnotatedAssignStatement(SourcePosition Position, Target Target, Expression Annotation, Expression? Value, bool IsSimple) : Statement(Position);

/// <summary><c>del t1, t2</c>.</summary>
public sealed record DeleteStatement(SourcePosition Position, ImmutableArray<Target> Targets) : Statement(Position);

/// <summary><c>pass</c>.</summary>
public sealed record PassStatement(SourcePosition Position) : Statement(Position);

/// <summary><c>break</c>.</summary>
public sealed record BreakStatement(SourcePosition Position) : Statement(Position);

/// <summary><c>continue</c>.</summary>
public sealed record ContinueStatement(SourcePosition Position) : Statement(Position);

/// <summary><c>return [value]</c>.</summary>
public sealed record ReturnStatement(SourcePosition Position, Expression? Value) : Statement(Position);

/// <summary><c>raise [exception [from cause]]</c>.</summary>
public sealed record RaiseStatement(SourcePosition Position, Expression? Exception, Expression? Cause) : Statement(Position);

/// <summary><c>global a, b</c>.</summary>
public sealed record GlobalStatement(SourcePosition Position, ImmutableArray<string> Names) : Statement(Position);

/// <summary><c>nonlocal a, b</c>.</summary>
public sealed record NonlocalStatement(SourcePosition Position, ImmutableArray<string> Names) : Statement(Position);

/// <summary><c>assert test [, message]</c>.</summary>
public sealed record AssertStatement(SourcePosition Position, Expression Test, Expression? Message) : Statement(Position);

/// <summary>
/// <c>type Name[params] = value</c> (Python 3.12). <see cref="TypeParameters"/> is the span
/// inside the brackets, if any. Binds <see cref="Name"/>.
/// </summary>
public sealed record TypeAliasStatement(SourcePosition Position, string Name, Expression? TypeParameters, Expression Value) : Statement(Position);
