namespace ActorImport.Model;

/// <summary>
/// The built-in exception hierarchy of CPython 3.11 (the part a module body can name), used to
/// match <c>except</c> clauses. Immutable; safe from any thread.
/// </summary>
public static class BuiltinExceptionTypes
{
    private static readonly Dictionary<string, string?> BaseOf = new()
    {
        ["BaseException"] = null,
        ["BaseExceptionGroup"] = "BaseException",
        ["SystemExit"] = "BaseException",
        ["KeyboardInterrupt"] = "BaseException",
        ["GeneratorExit"] = "BaseException",
        ["Exception"] = "BaseException",
        ["ExceptionGroup"] = "Exception",
        ["ArithmeticError"] = "Exception",
        ["FloatingPointError"] = "ArithmeticError",
        ["OverflowError"] = "ArithmeticError",
        ["ZeroDivisionError"] = "ArithmeticError",
        ["AssertionError"] = "Exception",
        ["AttributeError"] = "Exception",
        ["BufferError"] = "Exception",
        ["EOFError"] = "Exception",
        ["ImportError"] = "Exception",
        ["ModuleNotFoundError"] = "ImportError",
        ["LookupError"] = "Exception",
        ["IndexError"] = "LookupError",
        ["KeyError"] = "LookupError",
        ["MemoryError"] = "Exception",
        ["NameError"] = "Exception",
        ["UnboundLocalError"] = "NameError",
        ["OSError"] = "Exception",
        ["EnvironmentError"] = "Exception",
        ["IOError"] = "Exception",
        ["BlockingIOError"] = "OSError",
        ["ChildProcessError"] = "OSError",
        ["ConnectionError"] = "OSError",
        ["BrokenPipeError"] = "ConnectionError",
        ["ConnectionAbortedError"] = "ConnectionError",
        ["ConnectionRefusedError"] = "ConnectionError",
        ["ConnectionResetError"] = "ConnectionError",
        ["FileExistsError"] = "OSError",
        ["FileNotFoundError"] = "OSError",
        ["InterruptedError"] = "OSError",
        ["IsADirectoryError"] = "OSError",
        ["NotADirectoryError"] = "OSError",
        ["PermissionError"] = "OSError",
        ["ProcessLookupError"] = "OSError",
        ["TimeoutError"] = "OSError",
        ["ReferenceError"] = "Exception",
        ["RuntimeError"] = "Exception",
        ["NotImplementedError"] = "RuntimeError",
        ["RecursionError"] = "RuntimeError",
        ["StopAsyncIteration"] = "Exception",
        ["StopIteration"] = "Exception",
        ["SyntaxError"] = "Exception",
        ["IndentationError"] = "SyntaxError",
        ["TabError"] = "IndentationError",
        ["SystemError"] = "Exception",
        ["TypeError"] = "Exception",
        ["ValueError"] = "Exception",
        ["UnicodeError"] = "ValueError",
        ["UnicodeDecodeError"] = "UnicodeError",
        ["UnicodeEncodeError"] = "UnicodeError",
        ["UnicodeTranslateError"] = "UnicodeError",
        ["Warning"] = "Exception",
        ["BytesWarning"] = "Warning",
        ["DeprecationWarning"] = "Warning",
        ["EncodingWarning"] = "Warning",
        ["FutureWarning"] = "Warning",
        ["ImportWarning"] = "Warning",
        ["PendingDeprecationWarning"] = "Warning",
        ["ResourceWarning"] = "Warning",
        ["RuntimeWarning"] = "Warning",
        ["SyntaxWarning"] = "Warning",
        ["UnicodeWarning"] = "Warning",
        ["UserWarning"] = "Warning",
    };

    /// <summary>True if <paramref name="name"/> is a built-in exception class.</summary>
    public static bool IsBuiltin(string name) => BaseOf.ContainsKey(name);

    /// <summary>
    /// True if <paramref name="type"/> is <paramref name="candidateBase"/> or derives from it.
    /// In Python 3 <c>IOError</c> and <c>EnvironmentError</c> are aliases of <c>OSError</c>.
    /// </summary>
    public static bool IsSubclass(string type, string candidateBase)
    {
        type = Canonical(type);
        candidateBase = Canonical(candidateBase);
        for (string? t = type; t is not null; t = BaseOf.GetValueOrDefault(t))
        {
            if (t == candidateBase)
            {
                return true;
            }
        }
        return false;
    }

    private static string Canonical(string name) => name is "IOError" or "EnvironmentError" ? "OSError" : name;
}
