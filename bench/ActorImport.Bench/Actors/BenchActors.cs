using ActorImport.Actors;

namespace ActorImport.Bench.Actors;

// Thread-safety of every actor here: its fields are touched only by its own Receive, which the
// kernel runs on one thread at a time; the events it signals are thread-safe.

/// <summary>Counts messages and sets an event after every <c>batch</c> of them (one benchmark invocation).</summary>
internal sealed class CountingActor(int batch, ManualResetEventSlim done) : ActorBase
{
    private long _count;

    protected override bool Receive(object message)
    {
        if (++_count % batch == 0)
        {
            done.Set();
        }
        return true;
    }
}

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : ActorBase
{
    protected override bool Receive(object message)
    {
        Sender.Tell(message, Self);
        return true;
    }
}

/// <summary>
/// One side of a ping-pong pair (Akka.NET's PingPong benchmark): on "run" sends
/// <c>inFlight</c> messages to its destination, answers every echo with another message until
/// <c>repeat</c> were sent, and signals when <c>repeat</c> echoes came back.
/// </summary>
internal sealed class PingActor(IActorRef destination, int repeat, int inFlight, CountdownEvent done) : ActorBase
{
    private static readonly object Ball = new();
    private int _sent;
    private int _received;

    protected override bool Receive(object message)
    {
        if (ReferenceEquals(message, Ball))
        {
            if (_sent < repeat)
            {
                destination.Tell(Ball, Self);
                _sent++;
            }
            if (++_received == repeat)
            {
                done.Signal();
            }
        }
        else
        {
            _sent = _received = 0;
            for (int i = 0; i < Math.Min(inFlight, repeat); i++)
            {
                destination.Tell(Ball, Self);
                _sent++;
            }
        }
        return true;
    }
}
