using System.Collections.Generic;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>
/// Queue messages for events whose queue/join answer has not come back yet: Gradio runs an event
/// as soon as it is queued, so its first messages (or all of them) can reach the session's stream
/// before the client knows its event id. Bounded: past the caps the oldest event's messages are
/// dropped and the event is remembered as lost, so its job fails instead of waiting forever.
/// Not thread-safe; <see cref="QueueSessionStream"/> calls it under its lock.
/// </summary>
sealed class EarlyMessages
{
    internal const int MaxEvents = 256;
    internal const int MaxMessages = 4096;

    readonly Dictionary<string, List<QueueMessage>> _byEvent = new();
    // Event ids oldest first: the order they are dropped in.
    readonly List<string> _order = new();
    readonly HashSet<string> _lost = new();
    readonly Queue<string> _lostOrder = new();
    int _count;

    public int Count => _count;

    public void Add(string eventId, QueueMessage message)
    {
        if (_lost.Contains(eventId)) return;
        if (!_byEvent.TryGetValue(eventId, out var list))
        {
            _byEvent[eventId] = list = new List<QueueMessage>();
            _order.Add(eventId);
        }
        list.Add(message);
        _count++;
        while (_byEvent.Count > MaxEvents || _count > MaxMessages) DropOldest();
    }

    /// <summary>
    /// Takes the messages kept for <paramref name="eventId"/>, oldest first (null when none).
    /// <paramref name="lost"/> is true when some of them were dropped.
    /// </summary>
    public List<QueueMessage>? Take(string eventId, out bool lost)
    {
        lost = _lost.Remove(eventId);
        if (!_byEvent.TryGetValue(eventId, out var list)) return null;
        _byEvent.Remove(eventId);
        _order.Remove(eventId);
        _count -= list.Count;
        return list;
    }

    public void Clear()
    {
        _byEvent.Clear();
        _order.Clear();
        _lost.Clear();
        _lostOrder.Clear();
        _count = 0;
    }

    void DropOldest()
    {
        var eventId = _order[0];
        _order.RemoveAt(0);
        _count -= _byEvent[eventId].Count;
        _byEvent.Remove(eventId);
        if (_lost.Add(eventId)) _lostOrder.Enqueue(eventId);
        if (_lostOrder.Count > MaxEvents) _lost.Remove(_lostOrder.Dequeue());
    }
}
