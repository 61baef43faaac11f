using System.Collections.Immutable;
using System.Text;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;
using static ActorImport.Python.Caching.CompiledModuleFormat;

namespace ActorImport.Python.Caching;

/// <summary>
/// Serialises a <see cref="ModuleCode"/> in <see cref="CompiledModuleFormat"/>. Not thread-safe:
/// one instance per file (<see cref="Serialize"/> creates it).
/// </summary>
public sealed class ModuleCodeWriter
{
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly List<string> _stringList = [];
    private readonly MemoryStream _body = new();
    private readonly BinaryWriter _out;

    private ModuleCodeWriter()
    {
        _out = new BinaryWriter(_body, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>The bytes of <paramref name="code"/>, without a pyc header.</summary>
    public static byte[] Serialize(ModuleCode code)
    {
        var writer = new ModuleCodeWriter();
        writer.WriteModule(code);
        writer._out.Flush();
        const int checksumAt = 6; // after the magic and the version
        using var result = new MemoryStream();
        using var head = new BinaryWriter(result, Encoding.UTF8, leaveOpen: true);
        head.Write(Magic);
        head.Write(FormatVersion);
        head.Write(0UL); // the checksum, filled in below
        head.Write7BitEncodedInt(writer._stringList.Count);
        foreach (string s in writer._stringList)
        {
            head.Write(s);
        }
        head.Flush();
        writer._body.Position = 0;
        writer._body.CopyTo(result);
        byte[] bytes = result.ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(checksumAt), Checksum(bytes.AsSpan(checksumAt + 8)));
        return bytes;
    }

    private void WriteModule(ModuleCode code)
    {
        WriteString(code.FileName);
        ReadOnlySpan<Token> tokens = code.Tokens;
        _out.Write7BitEncodedInt(tokens.Length);
        int previousLine = 0;
        foreach (Token token in tokens)
        {
            bool sameLine = token.Start.Line == previousLine;
            bool simpleEnd = token.End.Line == token.Start.Line && token.End.Column == token.Start.Column + token.Text.Length;
            _out.Write((byte)((byte)token.Kind | (sameLine ? SameLineFlag : 0) | (simpleEnd ? SimpleEndFlag : 0)));
            WriteString(token.Text);
            if (!sameLine)
            {
                _out.Write7BitEncodedInt(token.Start.Line - previousLine + 1);
            }
            _out.Write7BitEncodedInt(token.Start.Column);
            if (!simpleEnd)
            {
                _out.Write7BitEncodedInt(token.End.Line - token.Start.Line);
                _out.Write7BitEncodedInt(token.End.Column);
            }
            previousLine = token.Start.Line;
        }
        WriteStatements(code.Body);
    }

    private void WriteString(string value)
    {
        if (!_strings.TryGetValue(value, out int index))
        {
            index = _stringList.Count;
            _strings[value] = index;
            _stringList.Add(value);
        }
        _out.Write7BitEncodedInt(index);
    }

    private void WriteOptionalString(string? value)
    {
        _out.Write(value is not null);
        if (value is not null)
        {
            WriteString(value);
        }
    }

    private void WriteStrings(ImmutableArray<string> values)
    {
        _out.Write7BitEncodedInt(values.Length);
        foreach (string value in values)
        {
            WriteString(value);
        }
    }

    private void WriteExpression(Expression expression)
    {
        _out.Write7BitEncodedInt(expression.Start);
        _out.Write7BitEncodedInt(expression.End);
        WriteStrings(expression.Names);
        WriteStrings(expression.AssignedNames);
    }

    private void WriteOptionalExpression(Expression? expression)
    {
        _out.Write(expression is not null);
        if (expression is not null)
        {
            WriteExpression(expression);
        }
    }

    private void WriteExpressions(ImmutableArray<Expression> expressions)
    {
        _out.Write7BitEncodedInt(expressions.Length);
        foreach (Expression e in expressions)
        {
            WriteExpression(e);
        }
    }

    private void WritePosition(SourcePosition position)
    {
        _out.Write7BitEncodedInt(position.Line);
        _out.Write7BitEncodedInt(position.Column);
    }

    private void WriteTarget(Target target)
    {
        switch (target)
        {
            case NameTarget t:
                _out.Write((byte)TargetTag.Name);
                WriteExpression(t.Expression);
                WriteString(t.Name);
                break;
            case AttributeTarget t:
                _out.Write((byte)TargetTag.Attribute);
                WriteExpression(t.Expression);
                WriteExpression(t.Object);
                WriteString(t.Attribute);
                break;
            case SubscriptTarget t:
                _out.Write((byte)TargetTag.Subscript);
                WriteExpression(t.Expression);
                WriteExpression(t.Object);
                WriteExpression(t.Index);
                break;
            case SequenceTarget t:
                _out.Write((byte)TargetTag.Sequence);
                WriteExpression(t.Expression);
                WriteTargets(t.Elements);
                _out.Write(t.IsList);
                break;
            case StarredTarget t:
                _out.Write((byte)TargetTag.Starred);
                WriteExpression(t.Expression);
                WriteTarget(t.Inner);
                break;
            case OpaqueTarget t:
                _out.Write((byte)TargetTag.Opaque);
                WriteExpression(t.Expression);
                break;
            default:
                throw new InvalidOperationException($"Expected a known target type, got {target.GetType().Name}.");
        }
    }

    private void WriteTargets(ImmutableArray<Target> targets)
    {
        _out.Write7BitEncodedInt(targets.Length);
        foreach (Target t in targets)
        {
            WriteTarget(t);
        }
    }

    private void WriteOptionalTarget(Target? target)
    {
        _out.Write(target is not null);
        if (target is not null)
        {
            WriteTarget(target);
        }
    }

    private void WriteAliases(ImmutableArray<ImportAlias> aliases)
    {
        _out.Write7BitEncodedInt(aliases.Length);
        foreach (ImportAlias alias in aliases)
        {
            WritePosition(alias.Position);
            WriteString(alias.Name);
            WriteOptionalString(alias.AsName);
        }
    }

    private void WriteStatements(ImmutableArray<Statement> statements)
    {
        _out.Write7BitEncodedInt(statements.Length);
        foreach (Statement statement in statements)
        {
            WriteStatement(statement);
        }
    }

    private void WriteStatement(Statement statement)
    {
        void Head(Tag tag)
        {
            _out.Write((byte)tag);
            WritePosition(statement.Position);
        }
        switch (statement)
        {
            case ExpressionStatement s:
                Head(Tag.Expression);
                WriteExpression(s.Value);
                break;
            case AssignStatement s:
                Head(Tag.Assign);
                WriteTargets(s.Targets);
                WriteExpression(s.Value);
                break;
            case AugmentedAssignStatement s:
                Head(Tag.AugmentedAssign);
                WriteTarget(s.Target);
                WriteString(s.Operator);
                WriteExpression(s.Value);
                break;
            case AnnotatedAssignStatement s:
                Head(Tag.AnnotatedAssign);
                WriteTarget(s.Target);
                WriteExpression(s.Annotation);
                WriteOptionalExpression(s.Value);
                _out.Write(s.IsSimple);
                break;
            case DeleteStatement s:
                Head(Tag.Delete);
                WriteTargets(s.Targets);
                break;
            case PassStatement:
                Head(Tag.Pass);
                break;
            case BreakStatement:
                Head(Tag.Break);
                break;
            case ContinueStatement:
                Head(Tag.Continue);
                break;
            case ReturnStatement s:
                Head(Tag.Return);
                WriteOptionalExpression(s.Value);
                break;
            case RaiseStatement s:
                Head(Tag.Raise);
                WriteOptionalExpression(s.Exception);
                WriteOptionalExpression(s.Cause);
                break;
            case GlobalStatement s:
                Head(Tag.Global);
                WriteStrings(s.Names);
                break;
            case NonlocalStatement s:
                Head(Tag.Nonlocal);
                WriteStrings(s.Names);
                break;
            case AssertStatement s:
                Head(Tag.Assert);
                WriteExpression(s.Test);
                WriteOptionalExpression(s.Message);
                break;
            case TypeAliasStatement s:
                Head(Tag.TypeAlias);
                WriteString(s.Name);
                WriteOptionalExpression(s.TypeParameters);
                WriteExpression(s.Value);
                break;
            case ImportStatement s:
                Head(Tag.Import);
                WriteAliases(s.Names);
                _out.Write(s.IsLazy);
                _out.Write(s.IsInFunction);
                break;
            case ImportFromStatement s:
                Head(Tag.ImportFrom);
                WriteOptionalString(s.Module);
                _out.Write7BitEncodedInt(s.Level);
                WriteAliases(s.Names);
                _out.Write(s.IsStar);
                _out.Write(s.IsLazy);
                _out.Write(s.IsInFunction);
                break;
            case IfStatement s:
                Head(Tag.If);
                WriteExpression(s.Test);
                WriteStatements(s.Body);
                WriteStatements(s.OrElse);
                break;
            case WhileStatement s:
                Head(Tag.While);
                WriteExpression(s.Test);
                WriteStatements(s.Body);
                WriteStatements(s.OrElse);
                break;
            case ForStatement s:
                Head(Tag.For);
                WriteTarget(s.Target);
                WriteExpression(s.Iterable);
                WriteStatements(s.Body);
                WriteStatements(s.OrElse);
                _out.Write(s.IsAsync);
                break;
            case WithStatement s:
                Head(Tag.With);
                _out.Write7BitEncodedInt(s.Items.Length);
                foreach (WithItem item in s.Items)
                {
                    WriteExpression(item.Context);
                    WriteOptionalTarget(item.Target);
                }
                WriteStatements(s.Body);
                _out.Write(s.IsAsync);
                break;
            case TryStatement s:
                Head(Tag.Try);
                WriteStatements(s.Body);
                _out.Write7BitEncodedInt(s.Handlers.Length);
                foreach (ExceptHandler h in s.Handlers)
                {
                    WritePosition(h.Position);
                    WriteOptionalExpression(h.Type);
                    WriteOptionalString(h.Name);
                    WriteStatements(h.Body);
                }
                WriteStatements(s.OrElse);
                WriteStatements(s.FinalBody);
                _out.Write(s.IsStar);
                break;
            case MatchStatement s:
                Head(Tag.Match);
                WriteExpression(s.Subject);
                _out.Write7BitEncodedInt(s.Cases.Length);
                foreach (MatchCase c in s.Cases)
                {
                    WritePosition(c.Position);
                    WriteExpression(c.Pattern);
                    WriteOptionalExpression(c.Guard);
                    WriteStrings(c.CaptureNames);
                    WriteStatements(c.Body);
                }
                break;
            case FunctionDefinition s:
                Head(Tag.FunctionDefinition);
                WriteString(s.Name);
                WriteExpressions(s.Decorators);
                WriteOptionalExpression(s.TypeParameters);
                _out.Write7BitEncodedInt(s.Parameters.Length);
                foreach (Parameter p in s.Parameters)
                {
                    WritePosition(p.Position);
                    WriteString(p.Name);
                    _out.Write((byte)p.Kind);
                    WriteOptionalExpression(p.Annotation);
                    WriteOptionalExpression(p.Default);
                }
                WriteOptionalExpression(s.Returns);
                WriteStatements(s.Body);
                _out.Write(s.IsAsync);
                break;
            case ClassDefinition s:
                Head(Tag.ClassDefinition);
                WriteString(s.Name);
                WriteExpressions(s.Decorators);
                WriteOptionalExpression(s.TypeParameters);
                _out.Write7BitEncodedInt(s.Arguments.Length);
                foreach (ClassArgument a in s.Arguments)
                {
                    WriteOptionalString(a.Keyword);
                    WriteExpression(a.Value);
                }
                WriteStatements(s.Body);
                break;
            default:
                throw new InvalidOperationException($"Expected a known statement type, got {statement.GetType().Name}.");
        }
    }
}
