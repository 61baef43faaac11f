namespace ActorImport.Model;

/// <summary>
/// A Python exception raised by the import system or by a module body, carrying CPython's
/// exception type name and message (<c>str(exc)</c>).
/// Immutable after construction; safe to share between threads (every waiter of a failed
/// import receives the same instance).
/// </summary>
public class PythonException : Exception
{
    public PythonException(string typeName, string message, Exception? inner = null)
        : base(message, inner)
    {
        TypeName = typeName;
    }

    /// <summary>The Python class name, e.g. <c>ValueError</c>.</summary>
    public string TypeName { get; }

    /// <summary>True if this exception's type is <paramref name="className"/> or a subclass of it.</summary>
    public bool IsInstanceOf(string className) => BuiltinExceptionTypes.IsSubclass(TypeName, className);

    /// <summary>CPython's one-line form, as the last line of a traceback prints it.</summary>
    public override string ToString() => Message.Length == 0 ? TypeName : $"{TypeName}: {Message}";
}
