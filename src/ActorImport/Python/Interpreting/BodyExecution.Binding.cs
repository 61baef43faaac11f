using System.Collections.Immutable;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

// Name binding: assignment to every target form, augmented assignment, del and def (class is
// in BodyExecution.Classes.cs).
internal sealed partial class BodyExecution
{
    private static void Bind(string name, object? value, Scope scope) => scope.TargetOf(name).SetAttribute(name, value);

    private void ExecuteAssign(AssignStatement statement, Scope scope)
    {
        object? value = Evaluate(statement.Value, scope);
        foreach (Target target in statement.Targets)
        {
            Assign(target, value, scope);
        }
    }

    /// <summary>Stores <paramref name="value"/> into <paramref name="target"/> as STORE_NAME / UNPACK_SEQUENCE / STORE_ATTR / STORE_SUBSCR would.</summary>
    private void Assign(Target target, object? value, Scope scope)
    {
        switch (target)
        {
            case NameTarget name:
                Bind(name.Name, value, scope);
                break;
            case SequenceTarget sequence:
                Unpack(sequence, value, scope);
                break;
            case StarredTarget starred:
                Assign(starred.Inner, value, scope);
                break;
            case AttributeTarget attribute:
                switch (Evaluate(attribute.Object, scope))
                {
                    case ModuleObject module:
                        module.SetAttribute(attribute.Attribute, value);
                        break;
                    case PyClass cls:
                        cls.Namespace.SetAttribute(attribute.Attribute, value);
                        break;
                    case PyInstance instance:
                        instance.Namespace.SetAttribute(attribute.Attribute, value);
                        break;
                    case PyFunction function:
                        function.Attributes.SetAttribute(attribute.Attribute, value);
                        break;
                }
                break;
            case SubscriptTarget subscript:
                object? container = Evaluate(subscript.Object, scope);
                object? key = Evaluate(subscript.Index, scope);
                switch (container)
                {
                    case SysModulesView when key is string moduleName:
                        _callback.SetSysModule(moduleName, value);
                        break;
                    case GlobalsView globals when key is string name:
                        globals.Module.SetAttribute(name, value);
                        break;
                    case GlobalsView globals:
                        Report(DiagnosticKind.UndecidedImport, subscript.Position.Line, $"globals()[{subscript.Index.Text}] = …: the key is not a literal");
                        _unknownNames.Mark(globals.Module);
                        break;
                    case SysModulesView:
                        Report(DiagnosticKind.UndecidedImport, subscript.Position.Line, $"sys.modules[{subscript.Index.Text}] = …: the key is not a literal; not stored");
                        break;
                    case Dictionary<object, object?> dict when key is not null && PyOperators.IsKnown(key):
                        dict[key] = value;
                        break;
                    case List<object?> list when key is long index && Math.Abs(index) < list.Count + (index < 0 ? 1 : 0):
                        list[(int)(index < 0 ? index + list.Count : index)] = value;
                        break;
                    case Dictionary<object, object?> or List<object?>:
                        Report(DiagnosticKind.UntrackedStore, subscript.Position.Line, $"{subscript.Object.Text}[{subscript.Index.Text}] = …: the key is not known; the container is no longer exact");
                        break;
                }
                break;
        }
    }

    private void Unpack(SequenceTarget target, object? value, Scope scope)
    {
        IReadOnlyList<object?>? items = Iteration.Items(value);
        if (items is not null && !ChargeWork(items.Count, target.Expression.Line, $"unpacking {target.Expression.Text}"))
        {
            items = null;
        }
        if (items is null)
        {
            foreach (Target element in target.Elements)
            {
                Assign(element, new OpaqueValue($"unpacked from {target.Expression.Text}"), scope);
            }
            return;
        }
        int star = Array.FindIndex(target.Elements.ToArray(), e => e is StarredTarget);
        int fixedCount = target.Elements.Length - (star >= 0 ? 1 : 0);
        if (star < 0 && items.Count != fixedCount)
        {
            throw new PythonException("ValueError", items.Count > fixedCount
                ? $"too many values to unpack (expected {fixedCount})"
                : $"not enough values to unpack (expected {fixedCount}, got {items.Count})");
        }
        if (star >= 0 && items.Count < fixedCount)
        {
            throw new PythonException("ValueError", $"not enough values to unpack (expected at least {fixedCount}, got {items.Count})");
        }
        for (int i = 0; i < target.Elements.Length; i++)
        {
            if (i == star)
            {
                Assign(target.Elements[i], items.Skip(star).Take(items.Count - fixedCount).ToList(), scope);
            }
            else
            {
                Assign(target.Elements[i], star >= 0 && i > star ? items[items.Count - (target.Elements.Length - i)] : items[i], scope);
            }
        }
    }

    /// <summary><c>x op= v</c> for a name target: lists grow in place (<c>__all__ += [...]</c>), other known values compute, the rest become opaque.</summary>
    private void ExecuteAugmentedAssign(AugmentedAssignStatement statement, Scope scope)
    {
        object? right = Evaluate(statement.Value, scope);
        if (statement.Target is not NameTarget name)
        {
            Evaluate(statement.Target.Expression, scope);
            return;
        }
        object? left = LookupForUpdate(name.Name, scope);
        // Concatenation copies (and += doubles in a loop): charged to the body's work budget.
        if (statement.Operator == "+=" && ExpressionEvaluator.ConcatenationWork(left, right) is > 0 and long work
            && !ChargeWork(work, statement.Line, $"{name.Name} += {statement.Value.Text}"))
        {
            Bind(name.Name, new OpaqueValue($"{name.Name} {statement.Operator} {statement.Value.Text}"), scope);
            return;
        }
        object? result = (statement.Operator, left, right) switch
        {
            ("+=", List<object?> list, List<object?> more) => Extend(list, more),
            ("+=", List<object?> list, PyTuple more) => Extend(list, more.Items),
            ("+=", PyTuple a, PyTuple b) => new PyTuple([.. a.Items, .. b.Items]),
            ("+=", string a, string b) => a + b,
            ("+=", long a, long b) => a + b,
            ("-=", long a, long b) => a - b,
            ("|=", long a, long b) => a | b,
            _ => new OpaqueValue($"{name.Name} {statement.Operator} {statement.Value.Text}"),
        };
        Bind(name.Name, result, scope);
    }

    private static List<object?> Extend(List<object?> list, IEnumerable<object?> more)
    {
        list.AddRange(more.ToArray());
        return list;
    }

    private object? LookupForUpdate(string name, Scope scope)
    {
        if (scope.OwnerOf(name) is ModuleObject owner && owner.TryGetAttribute(name, out object? value))
        {
            return value is LazyImportProxy proxy ? LazyImports.Reify(owner, name, proxy) : value;
        }
        throw new PythonException("NameError", $"name '{name}' is not defined");
    }

    /// <summary><c>del</c>: names (NameError when unbound), <c>sys.modules[k]</c> (KeyError), module and class attributes.</summary>
    private void Delete(Target target, Scope scope)
    {
        switch (target)
        {
            case NameTarget name:
                if (!scope.TargetOf(name.Name).RemoveAttribute(name.Name))
                {
                    if (_diagnostics.Count == 0)
                    {
                        throw new PythonException("NameError", $"name '{name.Name}' is not defined");
                    }
                    // Something undecided earlier may have bound it in CPython: report, do not raise.
                    Report(DiagnosticKind.UnboundName, target.Position.Line, $"del {name.Name}: unbound here, possibly bound by code the interpreter did not run");
                }
                break;
            case SequenceTarget sequence:
                foreach (Target element in sequence.Elements)
                {
                    Delete(element, scope);
                }
                break;
            case SubscriptTarget subscript:
                object? container = Evaluate(subscript.Object, scope);
                object? key = Evaluate(subscript.Index, scope);
                if (container is SysModulesView)
                {
                    if (key is not string moduleName)
                    {
                        Report(DiagnosticKind.UndecidedImport, subscript.Position.Line, $"del sys.modules[{subscript.Index.Text}]: the key is not a literal; nothing removed");
                    }
                    else if (!_callback.RemoveSysModule(moduleName))
                    {
                        throw new PythonException("KeyError", PythonRepr.Str(moduleName));
                    }
                }
                else if (container is Dictionary<object, object?> dict && key is not null)
                {
                    dict.Remove(key);
                }
                break;
            case AttributeTarget attribute:
                switch (Evaluate(attribute.Object, scope))
                {
                    case ModuleObject module when !module.RemoveAttribute(attribute.Attribute):
                        throw _fromImport.NoAttribute(module, attribute.Attribute);
                    case PyClass cls:
                        cls.Namespace.RemoveAttribute(attribute.Attribute);
                        break;
                    case PyInstance instance:
                        instance.Namespace.RemoveAttribute(attribute.Attribute);
                        break;
                }
                break;
        }
    }

    /// <summary>
    /// <c>def</c>, as MAKE_FUNCTION runs it: the decorator expressions are evaluated (top to
    /// bottom), then the defaults; the function captures the module's namespace and the
    /// enclosing function scopes; the decorators are applied bottom-up and the result is bound.
    /// The imports of its body are recorded as deferred imports (they run only if it is called).
    /// A module-level <c>__getattr__</c>/<c>__dir__</c> is recorded as PEP 562's hook.
    /// </summary>
    private void ExecuteFunctionDefinition(FunctionDefinition statement, Scope scope)
    {
        var deferred = new List<DeferredImport>();
        CollectImports(statement.Body, deferred);
        _deferred.AddRange(deferred);
        object?[] decorators = statement.Decorators.Select(d => Evaluate(d, scope)).ToArray();
        var defaults = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (Parameter parameter in statement.Parameters)
        {
            if (parameter.Default is not null)
            {
                defaults[parameter.Name] = Evaluate(parameter.Default, scope);
            }
        }
        var function = new PyFunction(statement.Name, scope.QualifiedPrefix + statement.Name, _module.Name, statement.Line, deferred.ToArray(), statement.IsAsync)
        {
            FileName = _fileName,
            Parameters = statement.Parameters,
            Body = statement.Body,
            Defaults = defaults,
            Globals = _module,
            Closure = scope.ClosureForNested,
            IsGenerator = ContainsYield(statement.Body),
        };
        object? value = decorators.Length == 0 ? function : ApplyDecorators(decorators, statement.Decorators, function, statement.Line);
        Bind(statement.Name, value, scope);
        if (scope.IsModule && statement.Name == "__getattr__")
        {
            _moduleGetattr = function;
        }
        else if (scope.IsModule && statement.Name == "__dir__")
        {
            _moduleDir = function;
        }
    }

    /// <summary>The imports anywhere in a function body (nested blocks and definitions included), in source order.</summary>
    private static void CollectImports(ImmutableArray<Statement> body, List<DeferredImport> into)
    {
        foreach (Statement statement in body.DescendantsAndSelf())
        {
            switch (statement)
            {
                case ImportStatement import:
                    foreach (ImportAlias alias in import.Names)
                    {
                        into.Add(new DeferredImport(alias.Name, 0, [], import.Line, import.IsLazy));
                    }
                    break;
                case ImportFromStatement from:
                    into.Add(new DeferredImport(from.Module ?? string.Empty, from.Level, from.Names.Select(n => n.Name).ToArray(), from.Line, from.IsLazy));
                    break;
            }
        }
    }

    private static bool IsStringLiteral(Expression expression)
    {
        foreach (var token in expression.Tokens)
        {
            if (token.Kind != Tokenizing.TokenKind.String)
            {
                return false;
            }
        }
        return true;
    }
}
