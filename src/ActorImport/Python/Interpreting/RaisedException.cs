using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// An exception a body raised with <c>raise</c> whose class the body itself defined
/// (<c>class MyError(ImportError): ...</c>): keeps the class so that <c>except</c> can match
/// it against user classes and its built-in base. Immutable; safe to share.
/// </summary>
public sealed class RaisedException : PythonException
{
    public RaisedException(PyClass pythonClass, string message)
        : base(pythonClass.Name, message)
    {
        PythonClass = pythonClass;
    }

    public PyClass PythonClass { get; }
}

/// <summary>Builds the exception a body's <c>SomeError(args)</c> call creates. Stateless.</summary>
internal static class PythonExceptions
{
    /// <summary><c>str(exc)</c> for the given arguments: empty, the one argument, or the repr of the tuple.</summary>
    public static string MessageOf(IReadOnlyList<object?> args) => args.Count switch
    {
        0 => string.Empty,
        1 => args[0] switch
        {
            string s => s,
            OpaqueValue o => o.Description,
            var v => PyRepr.Of(v),
        },
        _ => PyRepr.Of(new PyTuple(args.ToArray())),
    };

    /// <summary>An instance of the built-in class <paramref name="typeName"/>, with ImportError's <c>name</c>/<c>path</c> keywords.</summary>
    public static PythonException Create(string typeName, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?>? keywords = null)
    {
        // BaseException_str gives the one argument's str, but KeyError_str its repr: KeyError('k') prints as 'k'.
        string message = typeName == "KeyError" && args.Count == 1 ? PyRepr.Of(args[0]) : MessageOf(args);
        string? name = keywords?.GetValueOrDefault("name") as string;
        string? path = keywords?.GetValueOrDefault("path") as string;
        return typeName switch
        {
            "ModuleNotFoundError" => new ModuleNotFoundError(message, name, path),
            "ImportError" => new ImportError(message, name, path),
            _ => new PythonException(typeName, message),
        };
    }

    /// <summary>True if <paramref name="exception"/> is an instance of the handler class <paramref name="handler"/>.</summary>
    public static bool? Matches(PythonException exception, object? handler)
    {
        switch (handler)
        {
            case PyExceptionClass builtin:
                if (exception is RaisedException raised)
                {
                    string? basis = raised.PythonClass.BuiltinExceptionBase();
                    return basis is not null && BuiltinExceptionTypes.IsSubclass(basis, builtin.Name);
                }
                return exception.IsInstanceOf(builtin.Name);
            case PyClass cls:
                return exception is RaisedException r && r.PythonClass.IsSubclassOf(cls);
            case PyTuple tuple:
                bool undecided = false;
                foreach (object? item in tuple.Items)
                {
                    bool? one = Matches(exception, item);
                    if (one == true)
                    {
                        return true;
                    }
                    undecided |= one is null;
                }
                return undecided ? null : false;
            default:
                return null;
        }
    }
}
