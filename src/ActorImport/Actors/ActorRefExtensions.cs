namespace ActorImport.Actors;

/// <summary>Request-reply on top of Tell. Stateless; safe from any thread.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns the first reply as a
    /// <typeparamref name="T"/>. The task faults with <see cref="AskTimeoutException"/> after
    /// <paramref name="timeout"/> (default <see cref="ActorSystemSettings.AskTimeout"/>), with the
    /// cause of a <see cref="Status.Failure"/> reply or of the exception the target threw while
    /// processing the message, with <see cref="ActorStoppedException"/> when the target has stopped,
    /// and with <see cref="InvalidCastException"/> when the reply has another type.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        ActorSystem system = ActorSystem.Internal(target).System;
        var promise = new PromiseActorRef<T>(target, timeout ?? system.Settings.AskTimeout, system.AskTimeouts);
        system.AskTimeouts.Register(promise);
        target.Tell(message, promise);
        return promise.Task;
    }
}
