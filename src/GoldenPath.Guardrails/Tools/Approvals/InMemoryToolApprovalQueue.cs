using System.Security.Cryptography;

namespace GoldenPath.Guardrails;

/// <summary>
/// A process-local approval queue for one instance or for tests. It holds at most <c>capacity</c> tickets,
/// pending and decided together: when full, the oldest ticket expires, so a model that keeps asking cannot grow
/// it without bound. Use a durable queue when approvals must survive a restart or span instances.
/// </summary>
public sealed class InMemoryToolApprovalQueue : IToolApprovalQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ToolApprovalTicket> _tickets = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _capacity;
    private readonly TimeProvider _time;

    public InMemoryToolApprovalQueue(int capacity = 1_000, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _time = timeProvider ?? TimeProvider.System;
    }

    public IReadOnlyList<ToolApprovalTicket> Pending
    {
        get
        {
            lock (_gate)
            {
                // The order queue is oldest first; decided tickets stay in it until they expire.
                return [.. _order.Select(id => _tickets[id]).Where(t => t.Status == ToolApprovalStatus.Pending)];
            }
        }
    }

    public string Enqueue(ToolCallRequest call, GuardrailRequest request)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(request);

        // Copied so the caller's (or the tool loop's) later changes cannot alter what a person approves.
        var frozen = call with { Arguments = new Dictionary<string, object?>(call.Arguments, StringComparer.Ordinal) };
        var ticket = new ToolApprovalTicket(NewId(), frozen, [.. request.Roles], _time.GetUtcNow());
        lock (_gate)
        {
            while (_order.Count >= _capacity)
            {
                _tickets.Remove(_order.Dequeue());
            }

            _tickets.Add(ticket.Id, ticket);
            _order.Enqueue(ticket.Id);
        }

        return ticket.Id;
    }

    public ToolApprovalTicket? Find(string ticketId)
    {
        ArgumentNullException.ThrowIfNull(ticketId);
        lock (_gate)
        {
            return _tickets.GetValueOrDefault(ticketId);
        }
    }

    public ToolApprovalTicket Approve(string ticketId, string approver) => Decide(ticketId, approver, ToolApprovalStatus.Approved);

    public ToolApprovalTicket Deny(string ticketId, string approver) => Decide(ticketId, approver, ToolApprovalStatus.Denied);

    private ToolApprovalTicket Decide(string ticketId, string approver, ToolApprovalStatus status)
    {
        ArgumentNullException.ThrowIfNull(ticketId);
        ArgumentException.ThrowIfNullOrWhiteSpace(approver);

        lock (_gate)
        {
            if (!_tickets.TryGetValue(ticketId, out var ticket))
            {
                throw new KeyNotFoundException($"There is no approval ticket '{ticketId}': it never existed or expired. Ask the user to make the request again.");
            }

            if (ticket.Status != ToolApprovalStatus.Pending)
            {
                throw new InvalidOperationException($"Approval ticket '{ticketId}' was already {(ticket.Status == ToolApprovalStatus.Approved ? "approved" : "denied")} by {ticket.DecidedBy}.");
            }

            var decided = ticket with { Status = status, DecidedBy = approver, DecidedAt = _time.GetUtcNow() };
            _tickets[ticketId] = decided;
            return decided;
        }
    }

    private static string NewId() => "tkt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
