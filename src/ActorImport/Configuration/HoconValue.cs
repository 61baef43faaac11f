namespace ActorImport.Configuration;

/// <summary>
/// The HOCON value tree. The parser builds it with substitutions still unresolved; the
/// <see cref="HoconResolver"/> turns it into a tree of objects, arrays and scalars only.
/// Thread-safety: built and resolved by one thread; a resolved tree is never mutated again
/// and may then be read from any thread.
/// </summary>
internal abstract class HoconValue
{
    protected HoconValue(HoconPosition position) => Position = position;

    /// <summary>Where the value starts in its source, for error messages.</summary>
    public HoconPosition Position { get; }

    /// <summary>True if the value's shape is known without resolving substitutions.</summary>
    public virtual bool IsResolved => true;
}

/// <summary>An object: fields in the order they were first defined (later definitions replace or merge).</summary>
internal sealed class HoconObject(HoconPosition position) : HoconValue(position)
{
    public OrderedDictionary<string, HoconValue> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// For an object written on top of a value whose shape is not known yet
    /// (<c>b = ${a}</c> then <c>b.x += 1</c>): the value underneath, where a field's earlier
    /// value is looked up when this object does not have it.
    /// </summary>
    public HoconValue? Beneath { get; init; }
}

/// <summary>An array literal.</summary>
internal sealed class HoconArray(HoconPosition position) : HoconValue(position)
{
    public List<HoconValue> Items { get; } = [];
}

internal enum HoconScalarKind
{
    /// <summary>Quoted, unquoted or concatenated text (numbers are kept as their text).</summary>
    String,
    Boolean,
    Null,
    /// <summary>Whitespace between two parts of a concatenation; dropped if the parts are objects or arrays.</summary>
    Whitespace,
}

/// <summary>A string, number, boolean or null. <see cref="Text"/> is null only for <see cref="HoconScalarKind.Null"/>.</summary>
internal sealed class HoconScalar(HoconPosition position, string? text, HoconScalarKind kind) : HoconValue(position)
{
    public string? Text { get; } = text;

    public HoconScalarKind Kind { get; } = kind;

    /// <summary>How the scalar reads inside a string concatenation (<c>null</c> reads as "null").</summary>
    public string ConcatText => Text ?? "null";
}

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. A self-referential substitution (its path is the path of
/// the field it is assigned to, or below it) looks at the field's earlier value
/// (<see cref="PreviousValue"/>) instead of the final tree, as HOCON requires for
/// <c>a = ${a} [x]</c> and <c>+=</c>.
/// </summary>
internal sealed class HoconSubstitution(HoconPosition position, IReadOnlyList<string> path, bool optional) : HoconValue(position)
{
    public IReadOnlyList<string> Path { get; } = path;

    public bool Optional { get; } = optional;

    /// <summary>Set when the substitution is self-referential: look up the rest of the path in this earlier value.</summary>
    public bool IsSelfReference { get; init; }

    /// <summary>The field's value before this assignment (null if it had none).</summary>
    public HoconValue? PreviousValue { get; init; }

    /// <summary>How many leading path segments name the field itself (the rest is looked up inside <see cref="PreviousValue"/>).</summary>
    public int SelfPrefixLength { get; init; }

    /// <summary>True for the parser's own look-ups of an earlier value: never consult the environment.</summary>
    public bool SkipEnvironment { get; init; }

    /// <summary>
    /// For substitutions read from an included file nested at a path: the path as written in the
    /// included file, tried when the prefixed <see cref="Path"/> is not found.
    /// </summary>
    public IReadOnlyList<string>? UnprefixedPath { get; init; }

    public override bool IsResolved => false;

    public string Describe() => (Optional ? "${?" : "${") + HoconPath.Render(Path) + "}";
}

/// <summary>Value concatenation on one line: <c>foo bar</c>, <c>${a} [b]</c>, <c>${base} { x = 1 }</c>.</summary>
internal sealed class HoconConcatenation(HoconPosition position, List<HoconValue> parts) : HoconValue(position)
{
    public List<HoconValue> Parts { get; } = parts;

    public override bool IsResolved => false;
}

/// <summary>
/// A merge that must wait for resolution: layers in definition order, later wins, objects
/// merge recursively, an undefined layer (an unresolved <c>${?x}</c>) keeps the earlier value.
/// Created when a field is assigned over a value whose shape is not yet known.
/// </summary>
internal sealed class HoconMerge(HoconPosition position) : HoconValue(position)
{
    public List<HoconValue> Layers { get; } = [];

    public override bool IsResolved => false;
}
