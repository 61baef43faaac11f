namespace ActorImport.Stress.Checking;

/// <summary>
/// What one thread saw when it imported one name: the object <c>ImportModule</c> returned, or
/// the exception's type name and message. Immutable.
/// </summary>
public sealed record ImportObservation(string Name, object? Module, string? ErrorType = null, string? ErrorMessage = null)
{
    public bool Ok => ErrorType is null;

    public static ImportObservation Failed(string name, string type, string message) => new(name, null, type, message);

    public string Describe() => Ok ? "success" : $"{ErrorType}: {ErrorMessage}";
}
