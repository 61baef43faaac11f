using System.Threading.Channels;

namespace ActorImport.Bench.Actors;

/// <summary>
/// The floor an actor is measured against: the same hand-off through a bare
/// <see cref="Channel{T}"/> — an unbounded channel with one consumer loop on the thread pool that
/// runs <c>handler</c> for every message. No mailbox, dispatcher, supervision, senders or
/// dead letters.
/// Thread-safety: <see cref="Tell"/> from any thread; the handler runs on one thread at a time.
/// </summary>
internal sealed class ChannelFloor : IDisposable
{
    private readonly Channel<object> _channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _consumer;

    public ChannelFloor(Action<object> handler)
    {
        ChannelReader<object> reader = _channel.Reader;
        _consumer = Task.Run(async () =>
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out object? message))
                {
                    handler(message);
                }
            }
        });
    }

    public void Tell(object message) => _channel.Writer.TryWrite(message);

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _consumer.Wait();
    }
}
