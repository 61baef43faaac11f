namespace ActorImport.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers, registered in the constructor and tried
/// in registration order. Thread-safety: as <see cref="ActorBase"/>: the handler list is built in
/// the constructor and read only by the kernel's one thread at a time.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly List<Func<object, bool>> _handlers = [];

    protected void Receive<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(message =>
        {
            if (message is T typed)
            {
                handler(typed);
                return true;
            }
            return false;
        });
    }

    protected void Receive<T>(Func<T, bool> predicate, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(message =>
        {
            if (message is T typed && predicate(typed))
            {
                handler(typed);
                return true;
            }
            return false;
        });
    }

    protected void ReceiveAny(Action<object> h)
    {
        ArgumentNullException.ThrowIfNull(h);
        _handlers.Add(message =>
        {
            h(message);
            return true;
        });
    }

    protected sealed override bool Receive(object message)
    {
        List<Func<object, bool>> handlers = _handlers;
        for (int i = 0; i < handlers.Count; i++)
        {
            if (handlers[i](message))
            {
                return true;
            }
        }
        return false;
    }
}
