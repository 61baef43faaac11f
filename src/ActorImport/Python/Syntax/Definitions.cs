using System.Collections.Immutable;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Syntax;

/// <summary>How a parameter is passed, as <c>inspect.Parameter.kind</c> names it.</summary>
public enum ParameterKind
{
    PositionalOnly,
    PositionalOrKeyword,
    VarPositional,
    KeywordOnly,
    VarKeyword,
}

/// <summary>
/// One parameter of a <c>def</c>. <see cref="Annotation"/> and <see cref="Default"/> are
/// evaluated when the <c>def</c> runs, in the defining scope, so their names matter at import time.
/// </summary>
public sealed record Parameter(SourcePosition Position, string Name, ParameterKind Kind, Expression? Annotation, Expression? Default);

/// <summary>
/// One argument of a class header: a base (<see cref="Keyword"/> null), <c>keyword=value</c>
/// (e.g. <c>metaclass=ABCMeta</c>), <c>*bases</c> or <c>**kwargs</c> (then <see cref="Value"/>
/// starts with the star token).
/// </summary>
public sealed record ClassArgument(string? Keyword, Expression Value);

/// <summary>
/// <c>[decorators] [async] def name[type params](parameters) [-> returns]: body</c>.
/// <see cref="Statement.Position"/> is the <c>def</c> (or <c>async</c>) keyword, as CPython
/// 3.8+ reports <c>lineno</c>. The body is parsed (so that its imports are known, as deferred
/// imports) but runs only when the function is called: the import-level interpreter never runs it.
/// </summary>
public sealed record FunctionDefinition(
    SourcePosition Position,
    string Name,
    ImmutableArray<Expression> Decorators,
    Expression? TypeParameters,
    ImmutableArray<Parameter> Parameters,
    Expression? Returns,
    ImmutableArray<Statement> Body,
    bool IsAsync) : Statement(Position);

/// <summary>
/// <c>[decorators] class name[type params](arguments): body</c>. The body is parsed here and
/// executed by the interpreter when the <c>class</c> statement runs (a class body runs at
/// definition time, unlike a function body).
/// </summary>
public sealed record ClassDefinition(
    SourcePosition Position,
    string Name,
    ImmutableArray<Expression> Decorators,
    Expression? TypeParameters,
    ImmutableArray<ClassArgument> Arguments,
    ImmutableArray<Statement> Body) : Statement(Position);
