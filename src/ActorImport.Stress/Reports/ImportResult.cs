using ActorImport.Model;

namespace ActorImport.Stress.Reports;

/// <summary>The outcome of importing one name: success, or CPython's exception type and message. Immutable.</summary>
public sealed record ImportResult(string Name, PythonException? Error)
{
    public bool Ok => Error is null;
}
