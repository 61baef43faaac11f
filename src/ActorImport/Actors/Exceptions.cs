namespace ActorImport.Actors;

/// <summary>An <c>Ask</c> got no reply within its timeout. Immutable.</summary>
public sealed class AskTimeoutException(string message) : TimeoutException(message);

/// <summary>
/// The message of an <c>Ask</c> reached an actor that had stopped (it became a dead letter), so
/// no reply can come. Immutable.
/// </summary>
public sealed class ActorStoppedException(string recipientPath)
    : InvalidOperationException($"actor {recipientPath} is stopped; the message became a dead letter")
{
    public string RecipientPath { get; } = recipientPath;
}

/// <summary>The asked actor did not handle the message, so no reply will come. Immutable.</summary>
public sealed class UnhandledMessageException(string recipientPath, Type messageType)
    : InvalidOperationException($"actor {recipientPath} did not handle a message of type {messageType}");

/// <summary>The actor's factory or its <c>PreStart</c> threw; the actor is stopped. Immutable.</summary>
public sealed class ActorInitializationException(string path, Exception cause)
    : Exception($"actor {path} failed to start", cause);
