namespace ActorImport.Actors;

/// <summary>
/// A pending Ask as the kernel sees it: something to fail early (the asked actor threw or
/// stopped) or to time out, and a link in the pending list of <see cref="AskTimeouts"/>.
/// Thread-safety: Fail and TimeOut may race with the reply; the first completion wins.
/// <see cref="NextPending"/> belongs to whichever thread holds the promise's list.
/// </summary>
internal interface IAskPromise
{
    long Deadline { get; }

    bool IsCompleted { get; }

    IAskPromise? NextPending { get; set; }

    void Fail(Exception cause);

    void TimeOut();
}
