using System.Text;

namespace ActorImport.Configuration;

/// <summary>
/// Parses one HOCON file's tokens into the value tree, merging as it goes: fields are written
/// straight into their object (so <c>a { x = 1 }</c> then <c>a.y = 2</c> merge, later wins),
/// self-referential substitutions capture the field's earlier value, and <c>include</c> parses
/// the included file into the object it appears in. Substitutions stay unresolved; the
/// <see cref="HoconResolver"/> runs after the whole document (with its includes) is merged.
/// Thread-safety: one instance per file, one thread.
/// </summary>
internal sealed class HoconParser
{
    private readonly List<HoconToken> _tokens;
    private readonly HoconIncluder _includer;
    private readonly string _directory;

    // Substitutions in an included file are relative to where it is included (HOCON "fix-up").
    private readonly IReadOnlyList<string> _substitutionPrefix;
    private int _index;

    // Objects and arrays open around the current token (bounded by HoconNesting.MaxBrackets).
    private int _brackets;

    public HoconParser(List<HoconToken> tokens, HoconIncluder includer, string directory, IReadOnlyList<string> substitutionPrefix)
    {
        _tokens = tokens;
        _includer = includer;
        _directory = directory;
        _substitutionPrefix = substitutionPrefix;
    }

    /// <summary>
    /// Parses a whole document (with or without surrounding braces) into <paramref name="target"/>,
    /// which lives at <paramref name="basePath"/> in the final tree (null: a detached object, no
    /// self-reference detection).
    /// </summary>
    public void ParseDocument(HoconObject target, IReadOnlyList<string>? basePath)
    {
        SkipWhitespaceAndNewlines();
        if (Peek.Kind == HoconTokenKind.OpenBrace)
        {
            var open = Take();
            ParseObjectBody(target, basePath, open);
            SkipWhitespaceAndNewlines();
            if (Peek.Kind != HoconTokenKind.EndOfFile)
            {
                throw Error(Peek, $"expected end of file after the root object but found {Peek.Describe()}");
            }
        }
        else if (Peek.Kind == HoconTokenKind.OpenBracket)
        {
            throw Error(Peek, "the root of a configuration must be an object, not an array");
        }
        else
        {
            ParseObjectBody(target, basePath, open: null);
        }
    }

    private HoconToken Peek => _tokens[_index];

    private HoconToken PeekAt(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private HoconToken Take() => _tokens[_index < _tokens.Count - 1 ? _index++ : _index];

    private static HoconException Error(HoconToken at, string reason) => new(at.Position, reason);

    private void SkipWhitespace()
    {
        while (Peek.Kind == HoconTokenKind.Whitespace)
        {
            _index++;
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek.Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            _index++;
        }
    }

    /// <summary>Fields until the closing brace (or end of file when <paramref name="open"/> is null).</summary>
    private void ParseObjectBody(HoconObject target, IReadOnlyList<string>? basePath, HoconToken? open)
    {
        if (open is null)
        {
            ParseFields(target, basePath, open);
            return;
        }
        HoconNesting.Check(++_brackets, HoconNesting.MaxBrackets, open.Position, "objects and arrays");
        try
        {
            ParseFields(target, basePath, open);
        }
        finally
        {
            _brackets--;
        }
    }

    private void ParseFields(HoconObject target, IReadOnlyList<string>? basePath, HoconToken? open)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek;
            switch (token.Kind)
            {
                case HoconTokenKind.CloseBrace when open is not null:
                    Take();
                    return;
                case HoconTokenKind.CloseBrace:
                    throw Error(token, "unexpected '}' with no object open");
                case HoconTokenKind.EndOfFile when open is null:
                    return;
                case HoconTokenKind.EndOfFile:
                    throw Error(token, $"expected '}}' to close the object opened at {open.Position.Line}:{open.Position.Column} but found end of file");
                case HoconTokenKind.Comma:
                    throw Error(token, "unexpected ',' (expected a key)");
            }

            if (IsInclude())
            {
                ParseInclude(target, basePath);
            }
            else
            {
                ParseField(target, basePath);
            }

            // A field ends with a comma, a line end, or the end of its object.
            SkipWhitespace();
            var after = Peek;
            if (after.Kind == HoconTokenKind.Comma)
            {
                Take();
            }
            else if (after.Kind is not (HoconTokenKind.Newline or HoconTokenKind.CloseBrace or HoconTokenKind.EndOfFile))
            {
                throw Error(after, $"expected ',' or a new line after the field but found {after.Describe()}");
            }
        }
    }

    private bool IsInclude()
    {
        if (Peek.Kind != HoconTokenKind.Unquoted || Peek.Text != "include" || PeekAt(1).Kind != HoconTokenKind.Whitespace)
        {
            return false;
        }

        var next = PeekAt(2);
        return next.Kind == HoconTokenKind.Quoted
            || (next.Kind == HoconTokenKind.Unquoted && next.Text.EndsWith('('));
    }

    private void ParseField(HoconObject target, IReadOnlyList<string>? basePath)
    {
        var keyToken = Peek;
        var key = ParseKey();
        SkipWhitespace();
        var separator = Peek;

        var container = target;
        for (int i = 0; i < key.Count - 1; i++)
        {
            container = EnsureObject(container, key[i], keyToken.Position);
        }

        string last = key[^1];
        IReadOnlyList<string>? fieldPath = basePath is null ? null : [.. basePath, .. key];
        switch (separator.Kind)
        {
            case HoconTokenKind.OpenBrace:
                ParseObjectInto(container, last, fieldPath);
                return;
            case HoconTokenKind.Equals:
                Take();
                SkipWhitespaceAndNewlines();
                if (Peek.Kind == HoconTokenKind.OpenBrace)
                {
                    ParseObjectInto(container, last, fieldPath);
                    return;
                }

                Assign(container, last, fieldPath, ParseValue(), append: false);
                return;
            case HoconTokenKind.PlusEquals:
                Take();
                SkipWhitespaceAndNewlines();
                Assign(container, last, fieldPath ?? key, ParseValue(), append: true);
                return;
            default:
                throw Error(separator, $"expected '=', ':' or '{{' after key '{HoconPath.Render(key)}' but found {separator.Describe()}");
        }
    }

    /// <summary>A key: unquoted and quoted pieces; unquoted dots split it into a path.</summary>
    private List<string> ParseKey()
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        bool segmentStarted = false;
        var start = Peek;
        if (start.Kind is not (HoconTokenKind.Unquoted or HoconTokenKind.Quoted))
        {
            throw Error(start, $"expected a key but found {start.Describe()}");
        }

        while (true)
        {
            var token = Peek;
            if (token.Kind == HoconTokenKind.Quoted)
            {
                current.Append(token.Text);
                segmentStarted = true;
            }
            else if (token.Kind == HoconTokenKind.Unquoted)
            {
                for (int i = 0; i < token.Text.Length; i++)
                {
                    char c = token.Text[i];
                    if (c == '.')
                    {
                        EndSegment(token.Position with { Column = token.Position.Column + i });
                    }
                    else
                    {
                        current.Append(c);
                        segmentStarted = true;
                    }
                }
            }
            else if (token.Kind == HoconTokenKind.Whitespace
                && PeekAt(1).Kind is HoconTokenKind.Unquoted or HoconTokenKind.Quoted)
            {
                current.Append(token.Text); // "a b = 1" has the key "a b"
            }
            else
            {
                break;
            }

            Take();
        }

        EndSegment(Peek.Position);
        return segments;

        void EndSegment(HoconPosition at)
        {
            if (!segmentStarted)
            {
                throw new HoconException(at, $"invalid key: empty path segment in '{HoconPath.Render(segments)}.'");
            }

            segments.Add(current.ToString());
            current.Clear();
            segmentStarted = false;
        }
    }

    /// <summary>
    /// The object a field holds, created if needed. A scalar or array there is replaced (later
    /// wins); a value whose shape is unknown until resolution gets a merge layer on top.
    /// </summary>
    private static HoconObject EnsureObject(HoconObject container, string key, HoconPosition position)
    {
        if (container.Fields.TryGetValue(key, out var existing))
        {
            switch (existing)
            {
                case HoconObject obj:
                    return obj;
                case HoconMerge merge when merge.Layers[^1] is HoconObject top:
                    return top;
                case HoconMerge merge:
                    // The layers so far are copied: the merge itself grows, what lies beneath does not.
                    var beneath = new HoconMerge(merge.Position);
                    beneath.Layers.AddRange(merge.Layers);
                    var layer = new HoconObject(position) { Beneath = beneath };
                    merge.Layers.Add(layer);
                    return layer;
                case { IsResolved: false }:
                    var pending = new HoconMerge(existing.Position);
                    var fresh = new HoconObject(position) { Beneath = existing };
                    pending.Layers.Add(existing);
                    pending.Layers.Add(fresh);
                    container.Fields[key] = pending;
                    return fresh;
                default:
                    // A scalar or array: replaced, nothing of it shows through.
                    var replacement = new HoconObject(position);
                    container.Fields[key] = replacement;
                    return replacement;
            }
        }

        var created = new HoconObject(position) { Beneath = EarlierValue(container, key) };
        container.Fields[key] = created;
        return created;
    }

    /// <summary>
    /// The field's value before an assignment: what the object holds, else what lies beneath
    /// it (a pending substitution), looked up when resolved; null when there is none.
    /// </summary>
    private static HoconValue? EarlierValue(HoconObject container, string key)
    {
        if (container.Fields.TryGetValue(key, out var previous))
        {
            return previous;
        }

        if (container.Beneath is not { } beneath)
        {
            return null;
        }

        return new HoconSubstitution(container.Position, [key], optional: true)
        {
            IsSelfReference = true,
            PreviousValue = beneath,
            SelfPrefixLength = 0,
            SkipEnvironment = true,
        };
    }

    /// <summary><c>key { ... }</c> or <c>key = { ... } { ... }</c>: written straight into the field's object.</summary>
    private void ParseObjectInto(HoconObject container, string key, IReadOnlyList<string>? fieldPath)
    {
        var obj = EnsureObject(container, key, Peek.Position);
        while (true)
        {
            var open = Take();
            ParseObjectBody(obj, fieldPath, open);
            SkipWhitespace();
            if (Peek.Kind == HoconTokenKind.OpenBrace)
            {
                continue; // { a = 1 } { b = 2 } concatenates objects, which is a merge
            }

            if (Peek.Kind is HoconTokenKind.Quoted or HoconTokenKind.Unquoted or HoconTokenKind.Substitution or HoconTokenKind.OpenBracket)
            {
                throw Error(Peek, $"cannot concatenate an object with {Peek.Describe()} here; put substitutions before the object ('${{base}} {{ ... }}')");
            }

            return;
        }
    }

    /// <summary>
    /// Stores a parsed value. Self-references are bound to the earlier value first; a value whose
    /// shape is unknown (a substitution or concatenation) keeps the earlier value underneath, so an
    /// undefined <c>${?x}</c> leaves it in place and an object result merges with it.
    /// </summary>
    private static void Assign(HoconObject container, string key, IReadOnlyList<string>? fieldPath, HoconValue value, bool append)
    {
        var previous = EarlierValue(container, key);
        if (append)
        {
            // a += v is a = ${?a} [v]; v itself may refer to a's earlier value too.
            value = BindSelfReferences(value, fieldPath!, previous);
            var self = new HoconSubstitution(value.Position, fieldPath!, optional: true)
            {
                IsSelfReference = true,
                PreviousValue = previous,
                SelfPrefixLength = fieldPath!.Count,
            };
            var element = new HoconArray(value.Position);
            element.Items.Add(value);
            container.Fields[key] = new HoconConcatenation(value.Position, [self, element]);
            return;
        }

        if (fieldPath is not null)
        {
            value = BindSelfReferences(value, fieldPath, previous);
        }

        if (previous is not null && !value.IsResolved)
        {
            var merge = new HoconMerge(value.Position);
            merge.Layers.Add(previous);
            merge.Layers.Add(value);
            value = merge;
        }

        container.Fields[key] = value;
    }

    /// <summary>Replaces substitutions of the field's own path (or below it) with ones that read its earlier value.</summary>
    private static HoconValue BindSelfReferences(HoconValue value, IReadOnlyList<string> fieldPath, HoconValue? previous)
    {
        switch (value)
        {
            case HoconSubstitution s when !s.IsSelfReference && HoconPath.StartsWith(s.Path, fieldPath):
                return new HoconSubstitution(s.Position, s.Path, s.Optional)
                {
                    IsSelfReference = true,
                    PreviousValue = previous,
                    SelfPrefixLength = fieldPath.Count,
                };
            case HoconConcatenation c:
                for (int i = 0; i < c.Parts.Count; i++)
                {
                    c.Parts[i] = BindSelfReferences(c.Parts[i], fieldPath, previous);
                }

                return c;
            case HoconArray a:
                for (int i = 0; i < a.Items.Count; i++)
                {
                    a.Items[i] = BindSelfReferences(a.Items[i], fieldPath, previous);
                }

                return a;
            default:
                return value;
        }
    }

    /// <summary>A value: one or more parts on one line (value concatenation).</summary>
    private HoconValue ParseValue()
    {
        var start = Peek;
        var parts = new List<HoconValue>();
        while (true)
        {
            var token = Peek;
            switch (token.Kind)
            {
                case HoconTokenKind.Quoted:
                    Take();
                    parts.Add(new HoconScalar(token.Position, token.Text, HoconScalarKind.String));
                    continue;
                case HoconTokenKind.Unquoted:
                    Take();
                    parts.Add(new HoconScalar(token.Position, token.Text, HoconScalarKind.String));
                    continue;
                case HoconTokenKind.Substitution:
                    Take();
                    parts.Add(MakeSubstitution(token));
                    continue;
                case HoconTokenKind.OpenBrace:
                    var open = Take();
                    var obj = new HoconObject(open.Position);
                    ParseObjectBody(obj, basePath: null, open);
                    parts.Add(obj);
                    continue;
                case HoconTokenKind.OpenBracket:
                    parts.Add(ParseArray());
                    continue;
                case HoconTokenKind.Whitespace:
                    Take();
                    parts.Add(new HoconScalar(token.Position, token.Text, HoconScalarKind.Whitespace));
                    continue;
            }

            break;
        }

        while (parts.Count > 0 && parts[^1] is HoconScalar { Kind: HoconScalarKind.Whitespace })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            throw Error(start, $"expected a value but found {start.Describe()}");
        }

        if (parts.Count == 1)
        {
            return parts[0] is HoconScalar { Kind: HoconScalarKind.String } single && start.Kind == HoconTokenKind.Unquoted
                ? Keyword(single)
                : parts[0];
        }

        // Only text: concatenate now ("foo bar", "5 seconds"); anything else waits for resolution.
        if (parts.All(p => p is HoconScalar))
        {
            var text = string.Concat(parts.Cast<HoconScalar>().Select(p => p.ConcatText));
            return new HoconScalar(start.Position, text, HoconScalarKind.String);
        }

        return new HoconConcatenation(start.Position, parts);
    }

    private static HoconScalar Keyword(HoconScalar unquoted) => unquoted.Text switch
    {
        "true" or "false" => new HoconScalar(unquoted.Position, unquoted.Text, HoconScalarKind.Boolean),
        "null" => new HoconScalar(unquoted.Position, null, HoconScalarKind.Null),
        _ => unquoted,
    };

    private HoconSubstitution MakeSubstitution(HoconToken token)
    {
        var path = HoconPath.Parse(token.Text, token.Position);
        if (_substitutionPrefix.Count == 0)
        {
            return new HoconSubstitution(token.Position, path, token.Optional);
        }

        return new HoconSubstitution(token.Position, [.. _substitutionPrefix, .. path], token.Optional) { UnprefixedPath = path };
    }

    private HoconArray ParseArray()
    {
        var open = Take();
        HoconNesting.Check(++_brackets, HoconNesting.MaxBrackets, open.Position, "objects and arrays");
        try
        {
            return ParseItems(open);
        }
        finally
        {
            _brackets--;
        }
    }

    private HoconArray ParseItems(HoconToken open)
    {
        var array = new HoconArray(open.Position);
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek;
            switch (token.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    Take();
                    return array;
                case HoconTokenKind.EndOfFile:
                    throw Error(token, $"expected ']' to close the array opened at {open.Position.Line}:{open.Position.Column} but found end of file");
                case HoconTokenKind.Comma:
                    throw Error(token, "unexpected ',' (expected an array element)");
            }

            array.Items.Add(ParseValue());
            SkipWhitespace();
            var after = Peek;
            if (after.Kind == HoconTokenKind.Comma)
            {
                Take();
            }
            else if (after.Kind is not (HoconTokenKind.Newline or HoconTokenKind.CloseBracket))
            {
                throw Error(after, $"expected ',' or ']' after the array element but found {after.Describe()}");
            }
        }
    }

    /// <summary><c>include "f"</c>, <c>include file("f")</c>, <c>include required(file("f"))</c>.</summary>
    private void ParseInclude(HoconObject target, IReadOnlyList<string>? basePath)
    {
        var includeToken = Take();
        SkipWhitespace();
        var opening = new StringBuilder();
        while (Peek.Kind is HoconTokenKind.Unquoted or HoconTokenKind.Whitespace)
        {
            if (Peek.Kind == HoconTokenKind.Unquoted)
            {
                opening.Append(Peek.Text);
            }

            Take();
        }

        string wrappers = opening.ToString();
        bool required = false;
        if (wrappers.StartsWith("required(", StringComparison.Ordinal))
        {
            required = true;
            wrappers = wrappers["required(".Length..];
        }

        int closers = required ? 1 : 0;
        if (wrappers == "file(")
        {
            closers++;
        }
        else if (wrappers is "url(" or "classpath(")
        {
            throw Error(includeToken, $"include {wrappers}...) is not supported; use file(...)");
        }
        else if (wrappers.Length != 0)
        {
            throw Error(includeToken, $"expected a quoted file name, file(\"...\") or required(...) after include but found '{wrappers}'");
        }

        if (Peek.Kind != HoconTokenKind.Quoted)
        {
            throw Error(Peek, $"expected a quoted file name after include but found {Peek.Describe()}");
        }

        var name = Take();
        var closing = new StringBuilder();
        while (Peek.Kind is HoconTokenKind.Unquoted or HoconTokenKind.Whitespace)
        {
            if (Peek.Kind == HoconTokenKind.Unquoted)
            {
                closing.Append(Peek.Text);
            }

            Take();
        }

        if (closing.ToString() != new string(')', closers))
        {
            throw Error(name, $"expected {(closers == 0 ? "nothing" : new string(')', closers))} after the included file name but found '{closing}'");
        }

        _includer.Include(name.Text, required, name.Position, _directory, target, basePath, basePath ?? _substitutionPrefix);
    }
}
