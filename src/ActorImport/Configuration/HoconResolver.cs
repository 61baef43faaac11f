namespace ActorImport.Configuration;

/// <summary>
/// Resolves substitutions after the whole document has been merged, so a later override
/// changes what an earlier <c>${a}</c> sees. Resolution is lazy and in two depths:
/// <see cref="Shallow"/> finds a value's shape (object, array or scalar) without resolving its
/// children, which is all a path lookup needs; <see cref="Deep"/> resolves everything under a
/// value. A value met again while it is being resolved is a cycle.
/// An unresolved path falls back to the environment variable of the same name (HOCON); an
/// unresolved <c>${?x}</c> is undefined (the field is not set, an earlier value stays).
/// Thread-safety: one instance per document, one thread.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;

    // Memo tables are keyed by node identity; null stands for "undefined".
    private readonly Dictionary<HoconValue, HoconValue?> _shallow = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<HoconValue, HoconValue?> _deep = new(ReferenceEqualityComparer.Instance);

    // Nodes being resolved, in order, to detect and describe cycles.
    private readonly List<HoconValue> _inProgress = [];

    public HoconResolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>The fully resolved root: only objects, arrays and scalars remain.</summary>
    public HoconObject Resolve() => (HoconObject)Deep(_root)!;

    /// <summary>The value with its top-level shape known: an object, array or scalar, or null if undefined.</summary>
    private HoconValue? Shallow(HoconValue value)
    {
        if (value.IsResolved)
        {
            return value;
        }

        if (_shallow.TryGetValue(value, out var known))
        {
            return known;
        }

        Enter(value);
        HoconValue? result = value switch
        {
            HoconSubstitution s => Substitute(s),
            HoconConcatenation c => Concatenate(c),
            HoconMerge m => MergeLayers(m),
            _ => throw new InvalidOperationException($"unexpected HOCON node {value.GetType().Name}"),
        };
        Leave(value);
        _shallow[value] = result;
        return result;
    }

    /// <summary>A fully resolved copy of the value, or null if it is undefined.</summary>
    private HoconValue? Deep(HoconValue value)
    {
        var shape = Shallow(value);
        if (shape is null or HoconScalar)
        {
            return shape;
        }

        if (_deep.TryGetValue(shape, out var known))
        {
            return known;
        }

        // An object that (through a substitution) contains itself never finishes.
        if (_inProgress.Contains(shape, ReferenceEqualityComparer.Instance))
        {
            string via = value is HoconSubstitution s ? s.Describe() : "a value";
            throw new HoconException(value.Position, $"substitution cycle: {via} refers to an object or array that contains it");
        }

        Enter(shape);
        HoconValue result;
        if (shape is HoconObject obj)
        {
            var resolved = new HoconObject(obj.Position);
            foreach (var (key, child) in obj.Fields)
            {
                if (Deep(child) is { } r)
                {
                    resolved.Fields[key] = r;
                }
            }

            result = resolved;
        }
        else
        {
            var array = (HoconArray)shape;
            var resolved = new HoconArray(array.Position);
            foreach (var item in array.Items)
            {
                if (Deep(item) is { } r)
                {
                    resolved.Items.Add(r); // an undefined ${?x} element is left out
                }
            }

            result = resolved;
        }

        Leave(shape);
        _deep[shape] = result;
        return result;
    }

    private void Enter(HoconValue value)
    {
        // Bounded so that a deep tree or a long chain is an error, not a stack overflow (fuzzing).
        HoconNesting.Check(_inProgress.Count + 1, HoconNesting.MaxResolving, value.Position, "values and substitutions");
        int earlier = _inProgress.FindIndex(v => ReferenceEquals(v, value));
        if (earlier >= 0)
        {
            var chain = _inProgress.Skip(earlier).Append(value).OfType<HoconSubstitution>().Select(s => s.Describe());
            throw new HoconException(value.Position, $"substitution cycle: {string.Join(" -> ", chain)}");
        }

        _inProgress.Add(value);
    }

    private void Leave(HoconValue value)
    {
        // Invariant: resolution is properly nested, so the node leaving is the innermost.
        if (!ReferenceEquals(_inProgress[^1], value))
        {
            throw new InvalidOperationException("HOCON resolution stack out of order");
        }

        _inProgress.RemoveAt(_inProgress.Count - 1);
    }

    private HoconValue? Substitute(HoconSubstitution s)
    {
        HoconValue? found;
        if (s.IsSelfReference)
        {
            // Self-reference: the field's earlier value, not the final tree (a = ${a} [x]).
            found = s.PreviousValue is null ? null : Lookup(s.PreviousValue, s.Path.Skip(s.SelfPrefixLength));
        }
        else
        {
            found = Lookup(_root, s.Path);
            if (found is null && s.UnprefixedPath is not null)
            {
                found = Lookup(_root, s.UnprefixedPath);
            }
        }

        if (found is not null)
        {
            return found;
        }

        string name = string.Join('.', s.UnprefixedPath ?? s.Path);
        if (!s.SkipEnvironment && _environment(name) is { } fromEnvironment)
        {
            return new HoconScalar(s.Position, fromEnvironment, HoconScalarKind.String);
        }

        if (s.Optional)
        {
            return null;
        }

        throw new HoconException(s.Position, $"could not resolve substitution {s.Describe()}: no such setting and no environment variable '{name}'");
    }

    /// <summary>Walks a path from <paramref name="start"/>, resolving only the nodes on the way.</summary>
    private HoconValue? Lookup(HoconValue start, IEnumerable<string> path)
    {
        var current = Shallow(start);
        foreach (string segment in path)
        {
            if (current is not HoconObject obj || !obj.Fields.TryGetValue(segment, out var child))
            {
                return null;
            }

            current = Shallow(child);
        }

        return current;
    }

    /// <summary>Value concatenation: all objects merge, all arrays join, otherwise all text joins.</summary>
    private HoconValue? Concatenate(HoconConcatenation c)
    {
        var values = new List<HoconValue>();
        bool anyUndefined = false;
        foreach (var part in c.Parts)
        {
            var shape = Shallow(part);
            if (shape is null)
            {
                anyUndefined = true;
            }
            else
            {
                values.Add(shape);
            }
        }

        var solid = values.Where(v => v is not HoconScalar { Kind: HoconScalarKind.Whitespace }).ToList();
        if (solid.Count == 0)
        {
            return anyUndefined ? null : new HoconScalar(c.Position, "", HoconScalarKind.String);
        }

        if (solid.All(v => v is HoconObject))
        {
            var merged = (HoconObject)solid[0];
            foreach (var next in solid.Skip(1))
            {
                merged = MergeObjects(merged, (HoconObject)next);
            }

            return merged;
        }

        if (solid.All(v => v is HoconArray))
        {
            var joined = new HoconArray(c.Position);
            foreach (HoconArray next in solid)
            {
                joined.Items.AddRange(next.Items);
            }

            return joined;
        }

        if (solid.Any(v => v is not HoconScalar))
        {
            string kinds = string.Join(" and ", solid.Select(v => v switch { HoconObject => "an object", HoconArray => "an array", _ => "a string" }).Distinct());
            throw new HoconException(c.Position, $"cannot concatenate {kinds}");
        }

        // Text: whitespace between parts is kept, at the ends (next to an undefined part) dropped.
        int first = values.FindIndex(v => v is not HoconScalar { Kind: HoconScalarKind.Whitespace });
        int last = values.FindLastIndex(v => v is not HoconScalar { Kind: HoconScalarKind.Whitespace });
        string text = string.Concat(values.Skip(first).Take(last - first + 1).Cast<HoconScalar>().Select(v => v.ConcatText));
        return new HoconScalar(c.Position, text, HoconScalarKind.String);
    }

    /// <summary>Layers in order: later wins, two objects merge, an undefined layer keeps what was there.</summary>
    private HoconValue? MergeLayers(HoconMerge m)
    {
        HoconValue? result = null;
        foreach (var layer in m.Layers)
        {
            var shape = Shallow(layer);
            if (shape is null)
            {
                continue;
            }

            result = result is HoconObject earlier && shape is HoconObject later ? MergeObjects(earlier, later) : shape;
        }

        return result;
    }

    /// <summary>
    /// A new object with the fields of both; where both define a field, the later one wins
    /// unless both may be objects, in which case they merge when resolved.
    /// </summary>
    private static HoconObject MergeObjects(HoconObject earlier, HoconObject later)
    {
        var merged = new HoconObject(later.Position);
        foreach (var (key, value) in earlier.Fields)
        {
            merged.Fields[key] = value;
        }

        foreach (var (key, value) in later.Fields)
        {
            if (merged.Fields.TryGetValue(key, out var before) && (value is HoconObject || !value.IsResolved))
            {
                var layers = new HoconMerge(value.Position);
                layers.Layers.Add(before);
                layers.Layers.Add(value);
                merged.Fields[key] = layers;
            }
            else
            {
                merged.Fields[key] = value;
            }
        }

        return merged;
    }
}
