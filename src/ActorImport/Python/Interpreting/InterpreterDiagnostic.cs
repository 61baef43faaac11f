namespace ActorImport.Python.Interpreting;

/// <summary>What kind of thing the interpreter reports.</summary>
public enum DiagnosticKind
{
    /// <summary>A condition (if/elif/while/ternary/except class) it could not decide; the documented rule was applied.</summary>
    UndecidedCondition,

    /// <summary>A loop whose iterable is not a literal: its body was not run.</summary>
    UndecidedLoop,

    /// <summary>A <c>match</c> statement: no case was run.</summary>
    UndecidedMatch,

    /// <summary>An import-relevant call or target whose argument is not a literal (e.g. <c>import_module(name)</c>).</summary>
    UndecidedImport,

    /// <summary><c>del name</c> of an unbound name after something undecided: ignored instead of a NameError.</summary>
    UnboundName,

    /// <summary>A call of a Python-defined function that was not run: its arguments are not known, or its decorator is opaque.</summary>
    UndecidedCall,

    /// <summary>A call ran out of its call-depth or step budget and was abandoned; its result is opaque.</summary>
    Budget,

    /// <summary>
    /// A store into a known list or dict under a key or index that is not known: the store is
    /// not made, so the container is no longer exact (a call goes on: nothing was chosen, but
    /// what is read from the container later may differ from CPython's).
    /// </summary>
    UntrackedStore,
}

/// <summary>One report of the interpreter, with file and 1-based line. Immutable.</summary>
public sealed record InterpreterDiagnostic(DiagnosticKind Kind, string? FileName, int Line, string Message)
{
    public override string ToString() => $"{FileName ?? "<unknown>"}:{Line}: {Kind}: {Message}";
}
