using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

// _warnings.warn as CPython 3.11's Python/_warnings.c does it, for the imports a shown warning
// makes (warnings._showwarnmsg → _formatwarnmsg_impl → `import linecache`): the category, the
// frame `stacklevel` up (setup_context), the first matching filter of warnings.filters
// (get_filter), the action, and the display through warnings._showwarnmsg (call_show_warning).
// Not kept: the per-module __warningregistry__, so a repeated "default"/"module"/"once" warning
// is shown again — which imports nothing the first display did not.
internal sealed partial class BodyExecution
{
    private object? CallWarn(IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line)
    {
        object? message = args.Count > 0 ? args[0] : keywords.GetValueOrDefault("message");
        object? category = args.Count > 1 ? args[1] : keywords.GetValueOrDefault("category");
        object? stacklevel = args.Count > 2 ? args[2] : keywords.GetValueOrDefault("stacklevel", 1L);
        object? source = args.Count > 3 ? args[3] : keywords.GetValueOrDefault("source");
        // get_category: a Warning instance gives its own class; None means UserWarning. The text
        // is only needed when a filter's message is a str: it stays null when not known.
        string? text = message as string;
        switch (message)
        {
            case RaisedException raised:
                (category, text) = (raised.PythonClass, raised.Message);
                break;
            case PythonException exception:
                (category, text) = (new PyExceptionClass(exception.TypeName), exception.Message);
                break;
        }
        category ??= new PyExceptionClass("UserWarning");
        if (message is not (string or PythonException or OpaqueValue) || stacklevel is not long level || source is not null || TypeChecks.IsSubclass(category, new PyExceptionClass("Warning")) is not true)
        {
            return UndecidedWarning(line, "its message, category, stacklevel or source is not a known value");
        }
        var (module, fileName, lineNumber) = WarningContext(level);
        string? action = WarningAction(text, category, module, lineNumber);
        switch (action)
        {
            case null:
                return UndecidedWarning(line, "warnings.filters holds a filter the interpreter cannot match");
            case "ignore":
                return null;
            case "error" when category is PyExceptionClass builtin && text is not null:
                throw new PythonException(builtin.Name, text);
            case "error":
                return UndecidedWarning(line, "the filter's action is 'error' and the exception is not a known value");
            case "default" or "always" or "module" or "once":
                ShowWarning(Call(category, [(object?)text ?? message], new Dictionary<string, object?>(), line), category, fileName, lineNumber, line);
                return null;
            default:
                // CPython raises RuntimeError for an unknown action.
                throw new PythonException("RuntimeError", $"Unrecognized action ({PythonRepr.Str(action)}) in warnings.filters:\n {PythonRepr.Str(action)}");
        }
    }

    /// <summary>
    /// setup_context: the module, file and line of the frame <paramref name="stacklevel"/> up
    /// (1 is the caller of warn). Past the outermost body is the import system's caller
    /// (<see cref="InterpreterOptions.CallerModuleName"/>, file <c>&lt;string&gt;</c>); past that,
    /// CPython uses <c>sys</c>'s globals.
    /// </summary>
    private (string Module, string FileName, long Line) WarningContext(long stacklevel)
    {
        ExecutingFrame? frame = _run.Frames.Top;
        bool caller = frame is null;
        while (--stacklevel > 0)
        {
            if (frame is not null)
            {
                frame = frame.Back;
                caller = frame is null;
            }
            else if (caller)
            {
                caller = false;
            }
        }
        if (frame is not null)
        {
            return (frame.ModuleName ?? "<string>", frame.FileName ?? "<string>", frame.Line);
        }
        return caller ? (_options.CallerModuleName, "<string>", 1) : ("sys", "sys", 1);
    }

    /// <summary>
    /// get_filter: the action of the first filter of <c>warnings.filters</c> (the module's, when
    /// <c>warnings</c> is in <c>sys.modules</c>, else <c>_warnings</c>') whose message, category,
    /// module and line match; the default action when none does. Null when a filter cannot be
    /// matched here (a compiled pattern, an opaque entry).
    /// </summary>
    private string? WarningAction(string? text, object? category, string module, long lineNumber)
    {
        object? filters = null;
        object? defaultAction = null;
        if (_callback.TryGetSysModule("warnings", out object? w) && w is ModuleObject warnings)
        {
            warnings.TryGetAttribute("filters", out filters);
            warnings.TryGetAttribute("_defaultaction", out defaultAction);
        }
        if (filters is null)
        {
            _attributes.Facts.TryGet("_warnings", "filters", out filters);
        }
        if (defaultAction is null)
        {
            defaultAction = _attributes.Facts.ModuleAttributes.ValueOf("_warnings", "_defaultaction");
        }
        if (filters is not List<object?> list)
        {
            return null;
        }
        foreach (object? entry in list.ToArray())
        {
            if (entry is not PyTuple { Items: [string action, var messagePattern, var filterCategory, var modulePattern, long filterLine] })
            {
                return null;
            }
            bool? goodMessage = Matches(messagePattern, text);
            bool? goodModule = Matches(modulePattern, module);
            bool? subclass = TypeChecks.IsSubclass(category, filterCategory);
            if (goodMessage is null || goodModule is null || subclass is null)
            {
                return null;
            }
            if (goodMessage.Value && goodModule.Value && subclass.Value && (filterLine == 0 || filterLine == lineNumber))
            {
                return action;
            }
        }
        return defaultAction as string;
    }

    /// <summary>check_matched: None matches everything, a plain str only itself; a pattern object (or an unknown value) is not decided here.</summary>
    private static bool? Matches(object? pattern, string? value) => pattern switch
    {
        null => true,
        string s when value is not null => s == value,
        _ => null,
    };

    /// <summary>
    /// call_show_warning: <c>warnings._showwarnmsg(warnings.WarningMessage(message, category,
    /// filename, lineno, None, None, None))</c> when <c>warnings</c> is in <c>sys.modules</c>;
    /// otherwise the C display, which writes to stderr and imports nothing.
    /// </summary>
    private void ShowWarning(object? message, object? category, string fileName, long lineNumber, int line)
    {
        if (!_callback.TryGetSysModule("warnings", out object? w) || w is not ModuleObject warnings
            || !warnings.TryGetAttribute("_showwarnmsg", out object? show) || show is null)
        {
            return;
        }
        if (!warnings.TryGetAttribute("WarningMessage", out object? messageClass))
        {
            throw new PythonException("RuntimeError", "unable to get warnings.WarningMessage");
        }
        var none = new Dictionary<string, object?>();
        object? warningMessage = Call(messageClass, [message, category, fileName, lineNumber, null, null, null], none, line);
        Call(show, [warningMessage], none, line);
    }

    private OpaqueValue? UndecidedWarning(int line, string why)
    {
        Report(DiagnosticKind.UndecidedCall, line, $"warnings.warn(…): {why}; whether it is shown (importing linecache) is not decided");
        return null;
    }
}
