using System.Text;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Random programs that mostly parse, so the interpreter (not only the parser) meets them:
/// every statement form the interpreter runs, nested to a random depth, over a small pool of
/// names so that definitions, calls, recursion, loops, exceptions, classes, decorators and
/// imports refer to each other; some expressions are nested very deep. Built from a seed with
/// <see cref="Random"/>, so a case replays. Not thread-safe: one instance per program.
/// </summary>
internal sealed class FuzzPrograms
{
    private static readonly string[] Names = ["a", "b", "c", "f", "g", "C", "D", "x", "y", "i", "sys", "os", "__name__", "__all__", "e"];
    private static readonly string[] Modules = ["os", "sys", "json", "m1", "pkg.sub", "importlib", "time", "_ext", "typing"];
    private static readonly string[] Exceptions = ["Exception", "ValueError", "ImportError", "KeyError", "TypeError", "AttributeError", "BaseException", "RecursionError", "E"];

    private readonly Random _random;
    private readonly StringBuilder _text = new();

    private FuzzPrograms(int seed) => _random = new Random(seed);

    /// <summary>A program of about <paramref name="size"/> statements.</summary>
    public static string Program((int Seed, int Size) c)
    {
        var program = new FuzzPrograms(c.Seed);
        int statements = 1 + program._random.Next(Math.Max(1, c.Size));
        for (int i = 0; i < statements; i++)
        {
            program.Statement(0, 3);
        }
        return program._text.ToString();
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private void Line(int indent, string text) => _text.Append(' ', indent * 4).Append(text).Append('\n');

    private void Block(int indent, int depth)
    {
        int count = 1 + _random.Next(3);
        for (int i = 0; i < count; i++)
        {
            Statement(indent, depth - 1);
        }
    }

    private void Statement(int indent, int depth)
    {
        int kind = depth <= 0 ? _random.Next(12) : _random.Next(24);
        string n = Pick(Names);
        switch (kind)
        {
            case 0: Line(indent, $"import {Pick(Modules)}"); break;
            case 1: Line(indent, $"from {Pick(Modules)} import {Pick(Names)}"); break;
            case 2: Line(indent, $"{n} = {Expression(2)}"); break;
            case 3: Line(indent, $"{n} += {Expression(1)}"); break;
            case 4: Line(indent, $"{Expression(2)}"); break;
            case 5: Line(indent, $"raise {Pick(Exceptions)}({Expression(1)})"); break;
            case 6: Line(indent, $"{n}, *{Pick(Names)} = {Expression(2)}"); break;
            case 7: Line(indent, $"sys.modules[{Expression(1)}] = {Expression(1)}"); break;
            case 8: Line(indent, $"del {n}"); break;
            case 9: Line(indent, $"assert {Expression(2)}, {Expression(1)}"); break;
            case 10: Line(indent, _random.Next(4) != 0 ? "pass" : _random.Next(2) == 0 ? "break" : "continue"); break;
            case 11: Line(indent, $"{n}[{Expression(1)}] = {Expression(1)}"); break;
            case 12:
                Line(indent, $"if {Expression(2)}:");
                Block(indent + 1, depth);
                if (_random.Next(2) == 0)
                {
                    Line(indent, $"elif {Expression(2)}:");
                    Block(indent + 1, depth);
                }
                if (_random.Next(2) == 0)
                {
                    Line(indent, "else:");
                    Block(indent + 1, depth);
                }
                break;
            case 13:
                Line(indent, $"for {n} in {Expression(2)}:");
                Block(indent + 1, depth);
                break;
            case 14:
                Line(indent, $"while {Expression(2)}:");
                Block(indent + 1, depth);
                break;
            case 15:
                Line(indent, "try:");
                Block(indent + 1, depth);
                Line(indent, $"except {Pick(Exceptions)} as {n}:");
                Block(indent + 1, depth);
                if (_random.Next(2) == 0)
                {
                    Line(indent, "finally:");
                    Block(indent + 1, depth);
                }
                break;
            case 16:
            case 17:
                if (_random.Next(3) == 0)
                {
                    Line(indent, $"@{Pick(Names)}");
                }
                Line(indent, $"def {Pick(["f", "g", "a"])}({Pick(["", "n", "n=1", "*args, **kw", "a, b=2, *, c=3", "self"])}):");
                if (_random.Next(3) == 0)
                {
                    Line(indent + 1, $"global {n}");
                }
                Block(indent + 1, depth);
                Line(indent + 1, $"return {Expression(2)}");
                break;
            case 18:
                Line(indent, $"class {Pick(["C", "D", "E"])}({Pick(["", "object", "C", "Exception", "metaclass=D", "D, C"])}):");
                Block(indent + 1, depth);
                break;
            case 19:
                Line(indent, $"with {Expression(1)} as {n}:");
                Block(indent + 1, depth);
                break;
            case 20:
                Line(indent, $"{Pick(["f", "g", "C", "D"])}({Expression(1)})");
                break;
            case 21:
                Line(indent, $"__all__ = [{string.Join(", ", Enumerable.Range(0, _random.Next(4)).Select(_ => $"'{Pick(Names)}'"))}]");
                break;
            case 22:
                Line(indent, $"{n} = {Pick(["eval", "exec", "compile", "__import__", "open", "getattr", "hasattr", "isinstance"])}({Expression(1)}, {Expression(1)})");
                break;
            default:
                Line(indent, $"{n} = {Deep()}");
                break;
        }
    }

    /// <summary>An expression nested deep: beyond CPython's limits sometimes, within them mostly.</summary>
    private string Deep()
    {
        int depth = _random.Next(4) == 0 ? 5_000 : _random.Next(1, 150);
        return Pick(new Func<string>[]
        {
            () => new string('(', Math.Min(depth, 199)) + "1" + new string(')', Math.Min(depth, 199)),
            () => string.Concat(Enumerable.Repeat("not ", depth)) + "x",
            () => new string('-', depth) + "1",
            () => string.Concat(Enumerable.Repeat("x if y else ", depth)) + "1",
            () => string.Concat(Enumerable.Repeat("2**", depth)) + "1",
            () => "a" + string.Concat(Enumerable.Repeat(".b", depth)),
            () => "f" + string.Concat(Enumerable.Repeat("()", depth)),
            () => string.Concat(Enumerable.Repeat("[", Math.Min(depth, 199))) + string.Concat(Enumerable.Repeat("]", Math.Min(depth, 199))),
        })();
    }

    private string Expression(int depth)
    {
        if (depth <= 0 || _random.Next(3) == 0)
        {
            return Pick(["1", "0", "-1", "2.5", "'s'", "b'b'", "None", "True", "False", "x", "y", "a", "f", "C", "sys", "os", "__name__",
                "sys.version_info", "sys.platform", "os.name", "[]", "{}", "()", "range(3)", "range(10**6)", "__spec__", "...", "9223372036854775807"]);
        }
        string e() => Expression(depth - 1);
        return _random.Next(22) switch
        {
            0 => $"{e()} {Pick(["+", "-", "*", "/", "//", "%", "**", "|", "&", "^", "<<", ">>", "@"])} {e()}",
            1 => $"{e()} {Pick(["==", "!=", "<", ">=", "is", "is not", "in", "not in"])} {e()}",
            2 => $"{e()} {Pick(["and", "or"])} {e()}",
            3 => $"not {e()}",
            4 => $"{Pick(["f", "g", "C", "getattr", "hasattr", "isinstance", "len", "str", "int", "list", "dict", "sorted", "importlib.import_module", "__import__", "type", "vars", "dir", "globals", "print", "repr"])}({e()}{(_random.Next(2) == 0 ? ", " + e() : "")})",
            5 => $"{e()}.{Pick(["x", "y", "__name__", "__dict__", "keys", "append", "__class__", "__mro__", "path"])}",
            6 => $"{e()}[{e()}]",
            7 => $"[{e()}, {e()}]",
            8 => $"{{{e()}: {e()}}}",
            9 => $"({e()}, {e()})",
            10 => $"{e()} if {e()} else {e()}",
            11 => $"lambda: {e()}",
            12 => $"[{Pick(Names)} for {Pick(Names)} in {e()}]",
            13 => $"f'{{{e()}}}'",
            14 => $"{e()}[{e()}:{e()}]",
            15 => $"({Pick(Names)} := {e()})",
            16 => $"{{*{e()}, {e()}}}",
            17 => $"{{**{e()}}}",
            18 => $"-{e()}",
            19 => $"{e()}({e()}=1)",
            20 => $"'%s' % {e()}",
            _ => $"({e()})",
        };
    }
}
