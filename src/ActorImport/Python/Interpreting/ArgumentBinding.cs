using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// CPython's argument binding (<c>_PyEval_MakeFrameVector</c> / <c>initialize_locals</c>):
/// positional arguments fill the positional parameters in order, the rest go to <c>*args</c>;
/// keywords fill the named parameters (positional-only ones excepted), the rest go to
/// <c>**kwargs</c>; missing parameters take their defaults. Every failure is the TypeError
/// CPython 3.11 raises, with its text (the function's <c>__qualname__</c> first). Stateless.
/// </summary>
internal static class ArgumentBinding
{
    /// <summary>The local bindings of a call, in parameter order.</summary>
    public static List<KeyValuePair<string, object?>> Bind(PyFunction function, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords)
    {
        IReadOnlyList<Parameter> parameters = function.Parameters;
        string name = function.QualifiedName;
        Parameter[] positional = parameters.Where(p => p.Kind is ParameterKind.PositionalOnly or ParameterKind.PositionalOrKeyword).ToArray();
        Parameter[] keywordOnly = parameters.Where(p => p.Kind == ParameterKind.KeywordOnly).ToArray();
        Parameter? varArgs = parameters.FirstOrDefault(p => p.Kind == ParameterKind.VarPositional);
        Parameter? varKeywords = parameters.FirstOrDefault(p => p.Kind == ParameterKind.VarKeyword);
        var bound = new Dictionary<string, object?>(StringComparer.Ordinal);

        // 1. Positional arguments, then the surplus into *args (or the "takes N" error).
        for (int i = 0; i < Math.Min(args.Count, positional.Length); i++)
        {
            bound[positional[i].Name] = args[i];
        }
        if (args.Count > positional.Length && varArgs is null)
        {
            throw TooManyPositional(function, positional, args.Count, keywords);
        }
        PyTuple extra = new(args.Skip(positional.Length).ToArray());

        // 2. Keywords: named parameters, else **kwargs, else an error.
        var extraKeywords = new Dictionary<object, object?>(PyKeyComparer.Instance);
        var positionalOnlyAsKeyword = new List<string>();
        foreach (var (keyword, value) in keywords)
        {
            Parameter? target = parameters.FirstOrDefault(p => p.Name == keyword && p.Kind is ParameterKind.PositionalOrKeyword or ParameterKind.KeywordOnly);
            if (target is null)
            {
                if (varKeywords is not null)
                {
                    extraKeywords[keyword] = value;
                    continue;
                }
                if (parameters.Any(p => p.Name == keyword && p.Kind == ParameterKind.PositionalOnly))
                {
                    positionalOnlyAsKeyword.Add(keyword);
                    continue;
                }
                throw new PythonException("TypeError", $"{name}() got an unexpected keyword argument '{keyword}'");
            }
            if (bound.ContainsKey(keyword))
            {
                throw new PythonException("TypeError", $"{name}() got multiple values for argument '{keyword}'");
            }
            bound[keyword] = value;
        }
        if (positionalOnlyAsKeyword.Count > 0)
        {
            throw new PythonException("TypeError", $"{name}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", positionalOnlyAsKeyword)}'");
        }

        // 3. Defaults, then the "missing" errors (positional first, as CPython checks them).
        var missing = new List<string>();
        foreach (Parameter p in positional)
        {
            if (!bound.ContainsKey(p.Name) && !TryDefault(function, p, bound))
            {
                missing.Add(p.Name);
            }
        }
        if (missing.Count > 0)
        {
            throw Missing(name, missing, "positional");
        }
        foreach (Parameter p in keywordOnly)
        {
            if (!bound.ContainsKey(p.Name) && !TryDefault(function, p, bound))
            {
                missing.Add(p.Name);
            }
        }
        if (missing.Count > 0)
        {
            throw Missing(name, missing, "keyword-only");
        }

        var locals = new List<KeyValuePair<string, object?>>();
        foreach (Parameter p in parameters)
        {
            object? value = p.Kind switch
            {
                ParameterKind.VarPositional => extra,
                ParameterKind.VarKeyword => extraKeywords,
                _ => bound[p.Name],
            };
            locals.Add(new(p.Name, value));
        }
        return locals;
    }

    private static bool TryDefault(PyFunction function, Parameter parameter, Dictionary<string, object?> bound)
    {
        if (function.Defaults.TryGetValue(parameter.Name, out object? value))
        {
            bound[parameter.Name] = value;
            return true;
        }
        return false;
    }

    private static PythonException TooManyPositional(PyFunction function, Parameter[] positional, int given, IReadOnlyDictionary<string, object?> keywords)
    {
        int required = positional.Count(p => !function.Defaults.ContainsKey(p.Name));
        string takes = required == positional.Length
            ? $"{positional.Length} positional argument{Plural(positional.Length)}"
            : $"from {required} to {positional.Length} positional arguments";
        int keywordOnlyGiven = keywords.Keys.Count(k => function.Parameters.Any(p => p.Name == k && p.Kind == ParameterKind.KeywordOnly));
        string was = keywordOnlyGiven == 0
            ? $"{given} {(given == 1 ? "was" : "were")} given"
            : $"{given} positional argument{Plural(given)} (and {keywordOnlyGiven} keyword-only argument{Plural(keywordOnlyGiven)}) were given";
        return new PythonException("TypeError", $"{function.QualifiedName}() takes {takes} but {was}");
    }

    private static PythonException Missing(string name, List<string> missing, string kind)
    {
        string names = missing.Count switch
        {
            1 => $"'{missing[0]}'",
            2 => $"'{missing[0]}' and '{missing[1]}'",
            _ => string.Join(", ", missing.Take(missing.Count - 1).Select(m => $"'{m}'")) + $", and '{missing[^1]}'",
        };
        return new PythonException("TypeError", $"{name}() missing {missing.Count} required {kind} argument{Plural(missing.Count)}: {names}");
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
