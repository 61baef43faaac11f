using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

// The class statement: decorators, bases and metaclass keyword, the body in its own namespace,
// the implicit classmethods, __init_subclass__, class decorators.
internal sealed partial class BodyExecution
{
    /// <summary>
    /// <c>class</c>: the decorator expressions are evaluated, then the bases and keywords
    /// (<c>metaclass=…</c>: its imports happen), the body RUNS in a fresh namespace (its imports
    /// execute, names resolve through the enclosing function scopes and the module's globals),
    /// the class is built, and the decorators are applied bottom-up. A metaclass defined in
    /// source is not run (its <c>__new__</c> would need <c>type.__new__</c>): reported when it
    /// defines one of the hooks, and the class is still a <see cref="PyClass"/>.
    /// </summary>
    private void ExecuteClassDefinition(ClassDefinition statement, Scope scope)
    {
        object?[] decorators = statement.Decorators.Select(d => Evaluate(d, scope)).ToArray();
        var bases = new List<object?>();
        object? metaclass = null;
        foreach (ClassArgument argument in statement.Arguments)
        {
            object? value = Evaluate(argument.Value, scope);
            if (argument.Keyword is null)
            {
                bases.Add(value);
            }
            else if (argument.Keyword == "metaclass" && value is not PyBuiltinType { Name: "type" })
            {
                metaclass = value;
            }
        }
        string qualifiedName = scope.QualifiedPrefix + statement.Name;
        var classNamespace = NewNamespace();
        classNamespace.SetAttribute("__module__", _module.GetAttributeOrDefault("__name__"));
        classNamespace.SetAttribute("__qualname__", qualifiedName);
        var classScope = new Scope(scope.Globals, classNamespace, qualifiedName + ".", scope.ClosureForNested);
        if (statement.Body.Length > 0 && statement.Body[0] is ExpressionStatement { Value: var doc } && IsStringLiteral(doc))
        {
            classNamespace.SetAttribute("__doc__", Evaluate(doc, classScope));
        }
        ExecuteBlock(statement.Body, classScope);
        WrapImplicitMethods(classNamespace);
        if (metaclass is PyClass meta && new[] { "__new__", "__init__", "__prepare__" }.FirstOrDefault(h => ImportsIn(meta.Namespace.GetAttributeOrDefault(h))) is string hook)
        {
            Report(DiagnosticKind.UndecidedCall, statement.Line, $"class {statement.Name}: metaclass {meta.QualifiedName}.{hook} imports, but is not run");
        }
        var cls = new PyClass(statement.Name, qualifiedName, bases, classNamespace) { Metaclass = metaclass };
        InitSubclass(cls, statement, scope);
        object? result = cls;
        if (decorators.Length > 0)
        {
            result = ApplyDecorators(decorators, statement.Decorators, result, statement.Line);
        }
        Bind(statement.Name, result, scope);
    }

    /// <summary>type.__new__ makes <c>__init_subclass__</c> and <c>__class_getitem__</c> classmethods and <c>__new__</c> a staticmethod.</summary>
    private static void WrapImplicitMethods(ModuleObject classNamespace)
    {
        foreach (string name in new[] { "__init_subclass__", "__class_getitem__", "__new__" })
        {
            if (classNamespace.GetAttributeOrDefault(name) is PyFunction function)
            {
                classNamespace.SetAttribute(name, new PyMethodWrapper(name == "__new__" ? "staticmethod" : "classmethod", function));
            }
        }
    }

    /// <summary>
    /// type.__new__'s last step: <c>super(cls, cls).__init_subclass__(**keywords)</c> — the first
    /// base along the bases that defines it in source runs (plugin registries do their work there).
    /// </summary>
    private void InitSubclass(PyClass cls, ClassDefinition statement, Scope scope)
    {
        bool unknownBase = false;
        foreach (PyClass c in Linearize(cls, ref unknownBase).Skip(1))
        {
            if (c.Namespace.GetAttributeOrDefault("__init_subclass__") is PyMethodWrapper { Function: PyFunction hook })
            {
                var keywords = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (ClassArgument argument in statement.Arguments.Where(a => a.Keyword is not null and not "metaclass"))
                {
                    keywords[argument.Keyword!] = Evaluate(argument.Value, scope);
                }
                CallFunction(hook, [cls], keywords, statement.Line);
                return;
            }
        }
    }

    /// <summary>True for a source-defined function whose body holds an import statement.</summary>
    private static bool ImportsIn(object? value) => value is PyFunction { DeferredImports.Count: > 0 };
}
