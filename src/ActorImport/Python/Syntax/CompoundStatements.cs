using System.Collections.Immutable;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Syntax;

// The control-flow compound statements. Bodies are never empty (Python's grammar needs at
// least one statement); an absent else/finally is an empty array. Immutable records.

/// <summary><c>if test: body [elif …] [else: orelse]</c>; an <c>elif</c> is a nested <see cref="IfStatement"/> alone in <see cref="OrElse"/>.</summary>
public sealed record IfStatement(SourcePosition Position, Expression Test, ImmutableArray<Statement> Body, ImmutableArray<Statement> OrElse) : Statement(Position);

/// <summary><c>while test: body [else: orelse]</c>.</summary>
public sealed record WhileStatement(SourcePosition Position, Expression Test, ImmutableArray<Statement> Body, ImmutableArray<Statement> OrElse) : Statement(Position);

/// <summary><c>[async] for target in iterable: body [else: orelse]</c>.</summary>
public sealed record ForStatement(SourcePosition Position, Target Target, Expression Iterable, ImmutableArray<Statement> Body, ImmutableArray<Statement> OrElse, bool IsAsync) : Statement(Position);

/// <summary>One <c>expression [as target]</c> of a <c>with</c> statement.</summary>
public sealed record WithItem(Expression Context, Target? Target);

/// <summary><c>[async] with a as b, c: body</c>, also in the parenthesised form.</summary>
public sealed record WithStatement(SourcePosition Position, ImmutableArray<WithItem> Items, ImmutableArray<Statement> Body, bool IsAsync) : Statement(Position);

/// <summary><c>except [type [as name]]: body</c> (or <c>except*</c>, see <see cref="TryStatement.IsStar"/>).</summary>
public sealed record ExceptHandler(SourcePosition Position, Expression? Type, string? Name, ImmutableArray<Statement> Body);

/// <summary>
/// <c>try: body except…: … else: orelse finally: finalbody</c>. <see cref="IsStar"/> is
/// true for <c>except*</c> handlers (CPython's <c>TryStar</c>); a try never mixes both.
/// </summary>
public sealed record TryStatement(SourcePosition Position, ImmutableArray<Statement> Body, ImmutableArray<ExceptHandler> Handlers, ImmutableArray<Statement> OrElse, ImmutableArray<Statement> FinalBody, bool IsStar) : Statement(Position);

/// <summary>
/// One <c>case pattern [if guard]: body</c>. <see cref="CaptureNames"/> are the names the
/// pattern binds when it matches (capture patterns, <c>as</c> names, <c>*rest</c>, <c>**rest</c>).
/// </summary>
public sealed record MatchCase(SourcePosition Position, Expression Pattern, Expression? Guard, ImmutableArray<string> CaptureNames, ImmutableArray<Statement> Body);

/// <summary><c>match subject:</c> with its cases (<c>match</c> is a soft keyword).</summary>
public sealed record MatchStatement(SourcePosition Position, Expression Subject, ImmutableArray<MatchCase> Cases) : Statement(Position);
