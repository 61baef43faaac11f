using ActorImport.Python.Parsing;
using ActorImport.Python.Syntax;

namespace ActorImport.Tests.Python.Parsing;

/// <summary>Small helpers for the parser's unit tests.</summary>
internal static class Parse
{
    public static ModuleCode Module(string source) => PythonParser.Parse(source, "<test>");

    /// <summary>Parses a one-statement module and returns that statement as <typeparamref name="T"/>.</summary>
    public static T Single<T>(string source) where T : Statement =>
        Assert.IsType<T>(Assert.Single(Module(source).Body));

    public static string[] Names(Expression expression) => [.. expression.Names];
}
