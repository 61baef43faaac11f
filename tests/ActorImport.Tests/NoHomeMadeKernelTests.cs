using System.Text.RegularExpressions;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests;

/// <summary>
/// The actors are Akka.NET's: no source file under <c>src/</c> declares a mailbox, a message
/// queue or envelope, an actor cell, an ask promise, an actor reference or a supervisor strategy
/// of its own (actors subclass Akka's <c>ReceiveActor</c>, supervisors override Akka's
/// <c>SupervisorStrategy()</c> with Akka's strategies).
/// </summary>
public sealed partial class NoHomeMadeKernelTests
{
    [Fact]
    public void NoSourceFileDeclaresActorMachinery()
    {
        string src = Path.Combine(RepositoryPaths.Root(), "src");
        var found = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(file => Machinery().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetRelativePath(src, file)}: {m.Value}"))
            .ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void TheCheckRecognisesAHomeMadeMailbox()
    {
        Assert.Matches(Machinery(), "internal sealed class Mailbox : IThreadPoolWorkItem");
        Assert.Matches(Machinery(), "public sealed class PromiseActorRef : IActorRef");
        Assert.Matches(Machinery(), "sealed class LocalActorRef(ActorCell cell) : IInternalActorRef");
        Assert.DoesNotMatch(Machinery(), "public sealed class PathEntrySupervisor : ReceiveActor");
    }

    /// <summary>A type declaration whose name says mailbox, queue, envelope, cell, promise, actor ref or strategy, or that implements an actor reference.</summary>
    [GeneratedRegex(@"\b(class|struct|record|interface)\s+\w*(Mailbox|MessageQueue|MpscQueue|Envelope|ActorCell|Promise|ActorRef|SupervisorStrategy)\w*\b|\b(class|struct|record)\s+\w+[^{;]*:\s*[^{;]*\bI(Internal)?ActorRef\b")]
    private static partial Regex Machinery();
}
