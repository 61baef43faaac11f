using System.Collections.Immutable;
using System.Text;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;
using static ActorImport.Python.Caching.CompiledModuleFormat;

namespace ActorImport.Python.Caching;

/// <summary>
/// Reads what <see cref="ModuleCodeWriter"/> wrote. Any malformed input (wrong magic or version,
/// truncation, an unknown tag, an index out of range) is an <see cref="InvalidDataException"/>.
/// Not thread-safe: one instance per file (<see cref="Deserialize"/> creates it).
/// </summary>
public sealed class ModuleCodeReader
{
    private readonly ByteCursor _in;
    private string[] _strings = [];
    private Token[] _tokens = [];

    private ModuleCodeReader(ReadOnlyMemory<byte> data)
    {
        _in = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out ArraySegment<byte> segment)
            ? new ByteCursor(segment.Array!, segment.Offset, segment.Count)
            : new ByteCursor(data.ToArray(), 0, data.Length);
    }

    /// <summary>The module serialised in <paramref name="data"/> (the bytes after the pyc header).</summary>
    /// <exception cref="InvalidDataException">Any malformed or damaged body (the only exception; fuzzed in tests/ActorImport.Tests/Reliability/FuzzPycTests.cs).</exception>
    public static ModuleCode Deserialize(ReadOnlyMemory<byte> data)
    {
        try
        {
            var reader = new ModuleCodeReader(data);
            return reader.ReadModule();
        }
        catch (Exception e) when (e is EndOfStreamException or IndexOutOfRangeException or ArgumentException or InvalidOperationException or OverflowException or FormatException or DecoderFallbackException)
        {
            throw new InvalidDataException($"malformed compiled module: {e.Message}", e);
        }
    }

    private ModuleCode ReadModule()
    {
        if (!_in.Take(4).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a compiled module (bad magic)");
        }
        ushort version = _in.ReadUInt16();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"compiled module format {version}, expected {FormatVersion}");
        }
        ulong checksum = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(_in.Take(8));
        if (checksum != Checksum(_in.Peek(_in.Remaining)))
        {
            throw new InvalidDataException("compiled module checksum mismatch (the file is damaged)");
        }
        _strings = new string[Count()];
        for (int i = 0; i < _strings.Length; i++)
        {
            _strings[i] = _in.ReadString();
        }
        string fileName = ReadString();
        _tokens = new Token[Count()];
        int previousLine = 0;
        for (int i = 0; i < _tokens.Length; i++)
        {
            byte head = _in.ReadByte();
            var kind = (TokenKind)(head & KindMask);
            string text = ReadString();
            int line = (head & SameLineFlag) != 0 ? previousLine : previousLine + _in.Read7BitEncodedInt() - 1;
            int column = _in.Read7BitEncodedInt();
            int endLine = line;
            int endColumn = column + text.Length;
            if ((head & SimpleEndFlag) == 0)
            {
                endLine = line + _in.Read7BitEncodedInt();
                endColumn = _in.Read7BitEncodedInt();
            }
            _tokens[i] = new Token(kind, text, new SourcePosition(line, column), new SourcePosition(endLine, endColumn));
            previousLine = line;
        }
        ImmutableArray<Statement> body = ReadStatements();
        if (!_in.AtEnd)
        {
            throw new InvalidDataException("trailing bytes after the compiled module");
        }
        return new ModuleCode(fileName, _tokens, body);
    }

    private int Count()
    {
        int count = _in.Read7BitEncodedInt();
        if (count < 0 || count > _in.Remaining)
        {
            throw new InvalidDataException($"implausible count {count}");
        }
        return count;
    }

    private string ReadString() => _strings[_in.Read7BitEncodedInt()];

    private string? ReadOptionalString() => _in.ReadBoolean() ? ReadString() : null;

    private ImmutableArray<string> ReadStrings()
    {
        int count = Count();
        var builder = ImmutableArray.CreateBuilder<string>(count);
        for (int i = 0; i < count; i++)
        {
            builder.Add(ReadString());
        }
        return builder.MoveToImmutable();
    }

    private Expression ReadExpression()
    {
        int start = _in.Read7BitEncodedInt();
        int end = _in.Read7BitEncodedInt();
        if (start < 0 || end < start || end > _tokens.Length)
        {
            throw new InvalidDataException($"expression tokens {start}..{end} outside the token table ({_tokens.Length})");
        }
        ImmutableArray<string> names = ReadStrings();
        ImmutableArray<string> assigned = ReadStrings();
        return new Expression(_tokens, start, end, names, assigned);
    }

    private Expression? ReadOptionalExpression() => _in.ReadBoolean() ? ReadExpression() : null;

    private ImmutableArray<Expression> ReadExpressions()
    {
        int count = Count();
        var builder = ImmutableArray.CreateBuilder<Expression>(count);
        for (int i = 0; i < count; i++)
        {
            builder.Add(ReadExpression());
        }
        return builder.MoveToImmutable();
    }

    private SourcePosition ReadPosition() => new(_in.Read7BitEncodedInt(), _in.Read7BitEncodedInt());

    private Target ReadTarget()
    {
        var tag = (TargetTag)_in.ReadByte();
        Expression expression = ReadExpression();
        return tag switch
        {
            TargetTag.Name => new NameTarget(expression, ReadString()),
            TargetTag.Attribute => new AttributeTarget(expression, ReadExpression(), ReadString()),
            TargetTag.Subscript => new SubscriptTarget(expression, ReadExpression(), ReadExpression()),
            TargetTag.Sequence => new SequenceTarget(expression, ReadTargets(), _in.ReadBoolean()),
            TargetTag.Starred => new StarredTarget(expression, ReadTarget()),
            TargetTag.Opaque => new OpaqueTarget(expression),
            _ => throw new InvalidDataException($"unknown target tag {tag}"),
        };
    }

    private ImmutableArray<Target> ReadTargets()
    {
        int count = Count();
        var builder = ImmutableArray.CreateBuilder<Target>(count);
        for (int i = 0; i < count; i++)
        {
            builder.Add(ReadTarget());
        }
        return builder.MoveToImmutable();
    }

    private Target? ReadOptionalTarget() => _in.ReadBoolean() ? ReadTarget() : null;

    private ImmutableArray<ImportAlias> ReadAliases()
    {
        int count = Count();
        var builder = ImmutableArray.CreateBuilder<ImportAlias>(count);
        for (int i = 0; i < count; i++)
        {
            builder.Add(new ImportAlias(ReadPosition(), ReadString(), ReadOptionalString()));
        }
        return builder.MoveToImmutable();
    }

    private ImmutableArray<Statement> ReadStatements()
    {
        int count = Count();
        var builder = ImmutableArray.CreateBuilder<Statement>(count);
        for (int i = 0; i < count; i++)
        {
            builder.Add(ReadStatement());
        }
        return builder.MoveToImmutable();
    }

    // Argument evaluation order is left to right in C#, which is the order the writer used.
    private Statement ReadStatement()
    {
        var tag = (Tag)_in.ReadByte();
        SourcePosition p = ReadPosition();
        return tag switch
        {
            Tag.Expression => new ExpressionStatement(p, ReadExpression()),
            Tag.Assign => new AssignStatement(p, ReadTargets(), ReadExpression()),
            Tag.AugmentedAssign => new AugmentedAssignStatement(p, ReadTarget(), ReadString(), ReadExpression()),
            Tag.AnnotatedAssign => new AnnotatedAssignStatement(p, ReadTarget(), ReadExpression(), ReadOptionalExpression(), _in.ReadBoolean()),
            Tag.Delete => new DeleteStatement(p, ReadTargets()),
            Tag.Pass => new PassStatement(p),
            Tag.Break => new BreakStatement(p),
            Tag.Continue => new ContinueStatement(p),
            Tag.Return => new ReturnStatement(p, ReadOptionalExpression()),
            Tag.Raise => new RaiseStatement(p, ReadOptionalExpression(), ReadOptionalExpression()),
            Tag.Global => new GlobalStatement(p, ReadStrings()),
            Tag.Nonlocal => new NonlocalStatement(p, ReadStrings()),
            Tag.Assert => new AssertStatement(p, ReadExpression(), ReadOptionalExpression()),
            Tag.TypeAlias => new TypeAliasStatement(p, ReadString(), ReadOptionalExpression(), ReadExpression()),
            Tag.Import => new ImportStatement(p, ReadAliases(), _in.ReadBoolean(), _in.ReadBoolean()),
            Tag.ImportFrom => new ImportFromStatement(p, ReadOptionalString(), _in.Read7BitEncodedInt(), ReadAliases(), _in.ReadBoolean(), _in.ReadBoolean(), _in.ReadBoolean()),
            Tag.If => new IfStatement(p, ReadExpression(), ReadStatements(), ReadStatements()),
            Tag.While => new WhileStatement(p, ReadExpression(), ReadStatements(), ReadStatements()),
            Tag.For => new ForStatement(p, ReadTarget(), ReadExpression(), ReadStatements(), ReadStatements(), _in.ReadBoolean()),
            Tag.With => ReadWith(p),
            Tag.Try => ReadTry(p),
            Tag.Match => ReadMatch(p),
            Tag.FunctionDefinition => ReadFunction(p),
            Tag.ClassDefinition => ReadClass(p),
            _ => throw new InvalidDataException($"unknown statement tag {tag}"),
        };
    }

    private WithStatement ReadWith(SourcePosition p)
    {
        int count = Count();
        var items = ImmutableArray.CreateBuilder<WithItem>(count);
        for (int i = 0; i < count; i++)
        {
            items.Add(new WithItem(ReadExpression(), ReadOptionalTarget()));
        }
        return new WithStatement(p, items.MoveToImmutable(), ReadStatements(), _in.ReadBoolean());
    }

    private TryStatement ReadTry(SourcePosition p)
    {
        ImmutableArray<Statement> body = ReadStatements();
        int count = Count();
        var handlers = ImmutableArray.CreateBuilder<ExceptHandler>(count);
        for (int i = 0; i < count; i++)
        {
            handlers.Add(new ExceptHandler(ReadPosition(), ReadOptionalExpression(), ReadOptionalString(), ReadStatements()));
        }
        return new TryStatement(p, body, handlers.MoveToImmutable(), ReadStatements(), ReadStatements(), _in.ReadBoolean());
    }

    private MatchStatement ReadMatch(SourcePosition p)
    {
        Expression subject = ReadExpression();
        int count = Count();
        var cases = ImmutableArray.CreateBuilder<MatchCase>(count);
        for (int i = 0; i < count; i++)
        {
            cases.Add(new MatchCase(ReadPosition(), ReadExpression(), ReadOptionalExpression(), ReadStrings(), ReadStatements()));
        }
        return new MatchStatement(p, subject, cases.MoveToImmutable());
    }

    private FunctionDefinition ReadFunction(SourcePosition p)
    {
        string name = ReadString();
        ImmutableArray<Expression> decorators = ReadExpressions();
        Expression? typeParameters = ReadOptionalExpression();
        int count = Count();
        var parameters = ImmutableArray.CreateBuilder<Parameter>(count);
        for (int i = 0; i < count; i++)
        {
            parameters.Add(new Parameter(ReadPosition(), ReadString(), (ParameterKind)_in.ReadByte(), ReadOptionalExpression(), ReadOptionalExpression()));
        }
        return new FunctionDefinition(p, name, decorators, typeParameters, parameters.MoveToImmutable(), ReadOptionalExpression(), ReadStatements(), _in.ReadBoolean());
    }

    private ClassDefinition ReadClass(SourcePosition p)
    {
        string name = ReadString();
        ImmutableArray<Expression> decorators = ReadExpressions();
        Expression? typeParameters = ReadOptionalExpression();
        int count = Count();
        var arguments = ImmutableArray.CreateBuilder<ClassArgument>(count);
        for (int i = 0; i < count; i++)
        {
            arguments.Add(new ClassArgument(ReadOptionalString(), ReadExpression()));
        }
        return new ClassDefinition(p, name, decorators, typeParameters, arguments.MoveToImmutable(), ReadStatements());
    }
}
