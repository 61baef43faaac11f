using System.Text.RegularExpressions;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Cli;

public class CliTests
{
    private static string MaskAddresses(string repr) => Regex.Replace(repr, "object at 0x[0-9a-f]+", "object at 0x?");

    [PythonFact]
    public void FindSpecPrintsWhatCPythonPrints()
    {
        string[] names = ["json.decoder", "os", "email", "_json", "sys"];
        var expected = PythonOracle.RunJson(
            "import sys, json, importlib.util; print(json.dumps([repr(importlib.util.find_spec(n)) for n in sys.argv[1:]]))",
            names, flags: "-I -S");
        for (int i = 0; i < names.Length; i++)
        {
            var result = CliRunner.Run("find-spec", names[i]);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(MaskAddresses(expected[i].GetString()!), MaskAddresses(result.Stdout.Trim()));
            Assert.Equal("", result.Stderr); // nothing of Akka's: akka.hocon's log levels are OFF
        }
    }

    [Fact]
    public void AkkasLogReachesTheConsoleOnlyWhenTheSectionAsksForIt()
    {
        // The path-entry actors' system is made from the akka section: raising its stdout log
        // level through the command line makes Akka speak (its start-up and shutdown notices).
        string tree = Path.Combine(AppContext.BaseDirectory, "samples", "default-tree");
        var quiet = CliRunner.Run("find-spec", "shop", "--path", tree);
        var verbose = CliRunner.Run("find-spec", "shop", "--path", tree, "--set", "akka.loglevel=DEBUG", "--set", "akka.stdout-loglevel=DEBUG");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(0, verbose.ExitCode);
        Assert.DoesNotContain("[DEBUG]", quiet.Stdout + quiet.Stderr);
        Assert.Contains("[DEBUG]", verbose.Stdout + verbose.Stderr);
    }

    [PythonFact]
    public void FindSpecOfAMissingModuleIsCPythonsErrorAndExitOne()
    {
        string expected = PythonOracle.RunScript(
            "import importlib\ntry:\n    importlib.import_module('no_such_mod_xyz')\nexcept Exception as e:\n    print(f'{type(e).__name__}: {e}')", flags: "-I -S").Trim();
        var result = CliRunner.Run("find-spec", "no_such_mod_xyz");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.Stderr.Trim());
    }

    [Fact]
    public void ConfigPrintsTheSwitchesOverrides()
    {
        var result = CliRunner.Run("config", "--set", "akka.actor.actor-import-dispatcher.throughput=12", "--actor-import:bytecode:mode=checked-hash");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("akka:actor:actor-import-dispatcher:throughput = 12", result.Stdout);
        Assert.Contains("actor-import:bytecode:mode = checked-hash", result.Stdout);
    }

    [Fact]
    public void EnvironmentOverridesTheFile()
    {
        var result = CliRunner.Run(AppContext.BaseDirectory, new Dictionary<string, string> { ["ACTORIMPORT__akka__actor__ask_timeout"] = "2s", ["ACTORIMPORT__lazy_imports__mode"] = "all" }, "config");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("akka:actor:ask-timeout = 2s", result.Stdout);
        Assert.Contains("actor-import:lazy-imports:mode = all", result.Stdout);
    }

    [Fact]
    public void BadConfigurationIsReportedWithTheKeyAndExitTwo()
    {
        var result = CliRunner.Run("import", "--set", "akka.actor.actor-import-dispatcher.throughput=0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("akka:actor:actor-import-dispatcher:throughput must be between 1 and 1000000 (was 0)", result.Stderr);
    }

    [Fact]
    public void ASyntaxErrorInTheConfigurationFileNamesFileLineAndColumn()
    {
        string file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.hocon");
        File.WriteAllText(file, "actor-import {\n  dispatcher {\n    throughput = 30\n");
        try
        {
            var result = CliRunner.Run("import", "--config", file);
            Assert.Equal(2, result.ExitCode);
            Assert.Matches($@"{Regex.Escape(file)}:4:\d+: expected '}}'", result.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ArgumentsThatAreNotModuleNamesAreRejected()
    {
        var result = CliRunner.Run("import", "--bogus");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'--bogus' is not a module name", result.Stderr + result.Stdout);
    }
}
