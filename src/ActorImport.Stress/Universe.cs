namespace ActorImport.Stress;

/// <summary>
/// A written universe: its directory, its search-path entries (one, or two when a namespace
/// package is split across them), every module name in generation order (the namespace package
/// and the ledger included), the top-level names, what importing each name may give, and the
/// ledger list each module body appends to (<see cref="UniverseShape.Ledger"/>). Immutable.
/// </summary>
public sealed record Universe(
    string Root,
    IReadOnlyList<string> SearchPath,
    IReadOnlyList<string> Modules,
    IReadOnlyList<string> TopLevel,
    IReadOnlyDictionary<string, ModuleExpectation> Expectations,
    IReadOnlyDictionary<string, string> LedgerLists,
    UniverseShape Shape)
{
    /// <summary>The ledger module's name, or null when the shape has none.</summary>
    public string? Ledger => Shape.Ledger ? UniverseNames.Ledger(Shape) : null;
}

/// <summary>
/// What importing one generated name may give: success, and/or one of a few failures (CPython's
/// type name and exact message). A name that may both succeed and fail depends on the order
/// of imports (a cycle entered from one side or the other). Immutable.
/// </summary>
public sealed record ModuleExpectation(bool MaySucceed, IReadOnlyList<ExpectedFailure> Failures)
{
    public static ModuleExpectation Ok { get; } = new(true, []);

    /// <summary>True when every import of the name succeeds, whatever the order.</summary>
    public bool AlwaysSucceeds => MaySucceed && Failures.Count == 0;

    /// <summary>True when no import of the name can succeed.</summary>
    public bool AlwaysFails => !MaySucceed;

    public bool Allows(string? errorType, string? errorMessage) => errorType is null
        ? MaySucceed
        : Failures.Any(f => f.Type == errorType && f.Message == errorMessage);

    /// <summary>The allowed outcomes in words, for a violation's text.</summary>
    public string Describe() => string.Join(" or ", (MaySucceed ? ["success"] : Array.Empty<string>()).Concat(Failures.Select(f => $"{f.Type}: {f.Message}")));
}

/// <summary>A failure a generated module is expected to raise: exception type name and message. Immutable.</summary>
public sealed record ExpectedFailure(string Type, string Message);
