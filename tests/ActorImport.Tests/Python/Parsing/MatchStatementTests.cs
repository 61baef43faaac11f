using ActorImport.Python.Syntax;

namespace ActorImport.Tests.Python.Parsing;

public class MatchStatementTests
{
    [Fact]
    public void MatchWithCasesGuardsAndCaptures()
    {
        var statement = Parse.Single<MatchStatement>("""
            match command.split():
                case [action, *rest] if action in ACTIONS:
                    pass
                case Point(x=0, y=yy) | {"k": value, **others}:
                    pass
                case Color.RED as red:
                    pass
                case _:
                    import fallback
            """);
        Assert.Equal(["command"], Parse.Names(statement.Subject));
        Assert.Equal(4, statement.Cases.Length);
        Assert.Equal(["action", "rest"], statement.Cases[0].CaptureNames.ToArray());
        Assert.Equal("action in ACTIONS", statement.Cases[0].Guard?.Text);
        Assert.Equal(["yy", "value", "others"], statement.Cases[1].CaptureNames.ToArray());
        Assert.Equal(["red"], statement.Cases[2].CaptureNames.ToArray());
        Assert.Empty(statement.Cases[3].CaptureNames);
        Assert.IsType<ImportStatement>(Assert.Single(statement.Cases[3].Body));
    }

    [Theory]
    [InlineData("match = re.match(p, s)\n", typeof(AssignStatement))]
    [InlineData("match(x)\n", typeof(ExpressionStatement))]
    [InlineData("match.group(1)\n", typeof(ExpressionStatement))]
    [InlineData("match: int = 1\n", typeof(AnnotatedAssignStatement))]
    [InlineData("match[x]: int\n", typeof(AnnotatedAssignStatement))]
    [InlineData("case = 1\n", typeof(AssignStatement))]
    public void MatchIsANameUnlessAMatchStatementFollows(string source, Type expected)
    {
        Assert.IsType(expected, Assert.Single(Parse.Module(source).Body));
    }

    [Fact]
    public void ParenthesisedSubject()
    {
        var statement = Parse.Single<MatchStatement>("match (a, b):\n    case (1, 2):\n        pass\n");
        Assert.Equal("(a, b)", statement.Subject.Text);
    }
}
