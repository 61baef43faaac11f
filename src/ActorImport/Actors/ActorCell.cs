namespace ActorImport.Actors;

/// <summary>
/// The kernel's side of one actor: its instance, children, watch sets and life cycle. Everything
/// here runs inside the mailbox's Execute, one thread at a time, except the constructor and the
/// immutable <see cref="Self"/>, <see cref="System"/> and <see cref="Path"/>.
/// Life cycle: Create → (user messages, failures handled by Resume/Recreate/Terminate) → Terminate:
/// children stop first, then PostStop, the mailbox closes, watchers and the parent are told.
/// </summary>
internal sealed class ActorCell : IActorContext
{
    private readonly Props _props;
    private readonly ActorCell? _parent;
    private readonly LocalActorRef _self;
    private ActorBase? _actor;
    private IActorRef? _sender;
    private Dictionary<string, LocalActorRef>? _children;
    private HashSet<IInternalActorRef>? _watching;
    private HashSet<IInternalActorRef>? _watchedBy;
    private RestartStatistics _restarts;
    private bool _terminating;
    private int _nextChildName;

    /// <summary>Runs of the mailbox so far; written only by the running mailbox.</summary>
    internal long MailboxRuns;

    public ActorCell(ActorSystem system, Props props, ActorCell? parent, string path)
    {
        System = system;
        _props = props;
        _parent = parent;
        var mailbox = new Mailbox(system.Settings.Throughput);
        _self = new LocalActorRef(system, path, mailbox);
        mailbox.SetCell(this);
    }

    public ActorSystem System { get; }

    public IActorRef Self => _self;

    internal LocalActorRef SelfRef => _self;

    public string Path => _self.Path;

    public IActorRef Sender => _sender ?? System.DeadLetters;

    public IActorRef Parent => (IActorRef?)_parent?.Self ?? System.DeadLetters;

    public IReadOnlyCollection<IActorRef> Children =>
        _children is null ? [] : _children.Values.ToArray();

    /// <summary>Queues the Create system message; the instance is made on the dispatcher.</summary>
    internal void Start() => _self.SendSystemMessage(new Create());

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (_terminating)
        {
            throw new InvalidOperationException($"actor {Path} is stopping; it cannot create children");
        }
        _children ??= [];
        name = name is null ? "$" + (_nextChildName++).ToString("x") : ActorSystem.ValidateName(name);
        if (_children.ContainsKey(name))
        {
            throw new ArgumentException($"actor name [{name}] is not unique under {Path}", nameof(name));
        }
        var child = new ActorCell(System, props, this, Path + "/" + name);
        _children.Add(name, child.SelfRef);
        child.Start();
        return child.Self;
    }

    public void Watch(IActorRef subject)
    {
        IInternalActorRef watchee = ActorSystem.Internal(subject).Canonical;
        if (ReferenceEquals(watchee, _self) || !(_watching ??= []).Add(watchee))
        {
            return;
        }
        watchee.SendSystemMessage(new Watch(watchee, _self));
    }

    public void Unwatch(IActorRef subject)
    {
        IInternalActorRef watchee = ActorSystem.Internal(subject).Canonical;
        if (_watching is not null && _watching.Remove(watchee))
        {
            watchee.SendSystemMessage(new Unwatch(watchee, _self));
        }
    }

    public void Stop(IActorRef actor)
    {
        IInternalActorRef target = ActorSystem.Internal(actor).Canonical;
        // Free a child's name at once, so that a restarted parent can create it again.
        RemoveChild(target);
        target.SendSystemMessage(new Terminate());
    }

    private void RemoveChild(IInternalActorRef child)
    {
        string path = child.Path;
        if (_children is not null && path.Length > Path.Length + 1 && path.StartsWith(Path + "/", StringComparison.Ordinal))
        {
            string name = path[(Path.Length + 1)..];
            if (_children.TryGetValue(name, out LocalActorRef? current) && ReferenceEquals(current, child))
            {
                _children.Remove(name);
            }
        }
    }

    /// <summary>Runs one user message through the actor; a thrown exception goes to supervision.</summary>
    internal void Invoke(in Envelope envelope)
    {
        _sender = envelope.Sender;
        try
        {
            object message = envelope.Message;
            if (message is PoisonPill)
            {
                BeginTerminate();
            }
            else if (!_actor!.InvokeReceive(message))
            {
                _actor.InvokeUnhandled(message);
            }
        }
        catch (Exception exception)
        {
            HandleFailure(exception, envelope);
        }
        finally
        {
            _sender = null;
        }
    }

    internal void Unhandled(object message)
    {
        if (message is Terminated)
        {
            return; // an actor that watches without handling Terminated just ignores it
        }
        System.PublishDeadLetter(message, _sender, _self,
            new UnhandledMessageException(Path, message.GetType()));
    }

    internal void SystemInvoke(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                CreateInstance(restartCause: null);
                break;
            case Terminate:
                BeginTerminate();
                break;
            case Resume when !_terminating:
                _self.Mailbox.Resume();
                break;
            case Recreate recreate when !_terminating:
                Restart(recreate.Cause, recreate.FailedMessage);
                break;
            case Watch watch:
                (_watchedBy ??= []).Add(watch.Watcher);
                break;
            case Unwatch unwatch:
                _watchedBy?.Remove(unwatch.Watcher);
                break;
            case DeathWatchNotification death:
                // Terminated goes behind the messages the dead actor sent before it stopped.
                if (_watching is not null && _watching.Remove(death.Actor) && !_terminating)
                {
                    _self.Tell(new Terminated(death.Actor), death.Actor);
                }
                break;
            case ChildTerminated child:
                RemoveChild(child.Child);
                if (_terminating && (_children is null || _children.Count == 0))
                {
                    FinishTerminate();
                }
                break;
        }
    }

    /// <summary>System messages that reach a stopped actor: a late Watch is answered at once.</summary>
    internal void SystemInvokeAfterStop(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(_self));
        }
    }

    private void HandleFailure(Exception exception, in Envelope envelope)
    {
        System.Settings.Log($"actor {Path} failed processing {envelope.Message.GetType().Name}", exception);
        // No pending Ask hangs: the asker learns of the failure now.
        (envelope.Sender as IAskPromise)?.Fail(exception);
        SupervisorStrategy strategy = _parent is null
            ? System.Settings.GuardianSupervisorStrategy
            : _parent._props.SupervisorStrategy ?? SupervisorStrategy.DefaultStrategy;
        Directive directive = Decide(strategy, exception);
        if (directive == Directive.Restart && !strategy.RequestRestartPermission(ref _restarts))
        {
            directive = Directive.Stop;
        }
        // Suspend until the directive, a system message, is processed: it overtakes the user messages.
        _self.Mailbox.Suspend();
        _self.SendSystemMessage(directive switch
        {
            Directive.Resume => new Resume(),
            Directive.Restart => new Recreate(exception, envelope.Message),
            _ => new Terminate(),
        });
    }

    private Directive Decide(SupervisorStrategy strategy, Exception exception)
    {
        try
        {
            return strategy.Decide(exception);
        }
        catch (Exception deciderFailure)
        {
            System.Settings.Log($"supervisor strategy of {Path} threw; stopping the actor", deciderFailure);
            return Directive.Stop;
        }
    }

    private void CreateInstance(Exception? restartCause)
    {
        try
        {
            ActorBase actor = _props.Factory() ?? throw new InvalidOperationException("the actor factory returned null");
            actor.Attach(this);
            _actor = actor;
            if (restartCause is null)
            {
                actor.InvokePreStart();
            }
            else
            {
                actor.InvokePostRestart(restartCause);
            }
        }
        catch (Exception exception)
        {
            System.Settings.Log($"actor {Path} failed to start; stopping it", new ActorInitializationException(Path, exception));
            _self.Mailbox.Suspend();
            BeginTerminate();
        }
    }

    private void Restart(Exception cause, object? failedMessage)
    {
        ActorBase? failed = _actor;
        try
        {
            failed?.InvokePreRestart(cause, failedMessage);
        }
        catch (Exception exception)
        {
            System.Settings.Log($"PreRestart of {Path} threw", exception);
        }
        _actor = null;
        CreateInstance(cause);
        if (!_terminating)
        {
            _self.Mailbox.Resume();
        }
    }

    private void BeginTerminate()
    {
        if (_terminating)
        {
            return;
        }
        _terminating = true;
        _self.Mailbox.Suspend(); // no more user messages; they become dead letters on close
        if (_children is null || _children.Count == 0)
        {
            FinishTerminate();
            return;
        }
        foreach (LocalActorRef child in _children.Values)
        {
            child.SendSystemMessage(new Terminate());
        }
    }

    private void FinishTerminate()
    {
        try
        {
            _actor?.InvokePostStop();
        }
        catch (Exception exception)
        {
            System.Settings.Log($"PostStop of {Path} threw", exception);
        }
        _actor = null;
        _self.Mailbox.Close();
        if (_watchedBy is not null)
        {
            foreach (IInternalActorRef watcher in _watchedBy)
            {
                watcher.SendSystemMessage(new DeathWatchNotification(_self));
            }
            _watchedBy = null;
        }
        if (_watching is not null)
        {
            foreach (IInternalActorRef watchee in _watching)
            {
                watchee.SendSystemMessage(new Unwatch(watchee, _self));
            }
            _watching = null;
        }
        if (_parent is null)
        {
            System.TopLevelTerminated(this);
        }
        else
        {
            _parent.SelfRef.SendSystemMessage(new ChildTerminated(_self));
        }
    }
}
