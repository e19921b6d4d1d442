using GoldenPath.Guardrails.Tests.Versioning;

namespace GoldenPath.Guardrails.Tests;

public sealed class InMemoryToolApprovalQueueTests
{
    private static ToolCallRequest Call(string id) => new("issue_refund", ToolPolicies.Args(("orderId", "ord-123456")), id);

    [Fact]
    public void An_enqueued_call_is_pending_with_the_callers_roles()
    {
        var time = new ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var queue = new InMemoryToolApprovalQueue(timeProvider: time);

        var id = queue.Enqueue(Call("c1"), ToolPolicies.Caller("support-lead"));

        var ticket = Assert.Single(queue.Pending);
        Assert.Equal(id, ticket.Id);
        Assert.Equal(ToolApprovalStatus.Pending, ticket.Status);
        Assert.Equal(["support-lead"], ticket.Roles);
        Assert.Equal(time.GetUtcNow(), ticket.RequestedAt);
    }

    [Fact]
    public void Approving_records_who_and_when_and_leaves_the_pending_list()
    {
        var time = new ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var queue = new InMemoryToolApprovalQueue(timeProvider: time);
        var id = queue.Enqueue(Call("c1"), ToolPolicies.Caller("support-lead"));
        time.Now += TimeSpan.FromMinutes(5);

        var approved = queue.Approve(id, "alice");

        Assert.Equal(ToolApprovalStatus.Approved, approved.Status);
        Assert.Equal("alice", approved.DecidedBy);
        Assert.Equal(time.GetUtcNow(), approved.DecidedAt);
        Assert.Empty(queue.Pending);
        Assert.Equal(approved, queue.Find(id));
    }

    [Fact]
    public void Denying_records_who_and_a_decided_ticket_cannot_be_decided_again()
    {
        var queue = new InMemoryToolApprovalQueue();
        var id = queue.Enqueue(Call("c1"), ToolPolicies.Caller("support-lead"));

        var denied = queue.Deny(id, "bob");

        Assert.Equal(ToolApprovalStatus.Denied, denied.Status);
        Assert.Equal("bob", denied.DecidedBy);
        var again = Assert.Throws<InvalidOperationException>(() => queue.Approve(id, "mallory"));
        Assert.Contains("bob", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_ticket_cannot_be_approved()
    {
        var queue = new InMemoryToolApprovalQueue();

        Assert.Throws<KeyNotFoundException>(() => queue.Approve("tkt_missing", "alice"));
        Assert.Throws<ArgumentException>(() => queue.Approve("tkt_missing", " "));
    }

    [Fact]
    public void When_full_the_oldest_ticket_expires()
    {
        var queue = new InMemoryToolApprovalQueue(capacity: 2);
        var first = queue.Enqueue(Call("c1"), ToolPolicies.Caller("a"));
        var second = queue.Enqueue(Call("c2"), ToolPolicies.Caller("a"));
        var third = queue.Enqueue(Call("c3"), ToolPolicies.Caller("a"));

        Assert.Equal([second, third], queue.Pending.Select(t => t.Id));
        Assert.Null(queue.Find(first));
        Assert.Throws<KeyNotFoundException>(() => queue.Approve(first, "alice"));
    }

    [Fact]
    public void The_arguments_are_frozen_when_the_call_is_queued()
    {
        var queue = new InMemoryToolApprovalQueue();
        var arguments = ToolPolicies.Args(("orderId", "ord-123456"));
        var id = queue.Enqueue(new ToolCallRequest("issue_refund", arguments, "c1"), ToolPolicies.Caller("a"));

        arguments["orderId"] = "ord-999999";

        Assert.Equal("ord-123456", queue.Find(id)!.Call.Arguments["orderId"]);
    }

    [Fact]
    public async Task Concurrent_enqueues_and_decisions_keep_the_queue_consistent()
    {
        var queue = new InMemoryToolApprovalQueue(capacity: 10_000);
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(
            () =>
            {
                for (var i = 0; i < 200; i++)
                {
                    var id = queue.Enqueue(Call($"c{worker}-{i}"), ToolPolicies.Caller("a"));
                    if (i % 2 == 0)
                    {
                        queue.Approve(id, $"approver-{worker}");
                    }

                    ids.Add(id);
                }
            },
            TestContext.Current.CancellationToken)));

        Assert.Equal(1_600, ids.Distinct().Count());
        Assert.Equal(800, queue.Pending.Count);
    }
}
