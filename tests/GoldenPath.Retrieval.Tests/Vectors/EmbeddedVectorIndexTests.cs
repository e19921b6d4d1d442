using System.Numerics.Tensors;

namespace GoldenPath.Retrieval.Tests.Vectors;

public sealed class EmbeddedVectorIndexTests
{
    private static readonly string[] s_groups = ["group:a", "group:b", "group:c", "group:d", "user:e"];

    [Fact]
    public void Search_ReturnsExactlyTheBruteForceTopKOverThePermittedVectors()
    {
        var random = new Random(42);
        var index = new EmbeddedVectorIndex(16);
        var stored = new List<(float[] Vector, string[] Acl)>();
        for (var i = 0; i < 500; i++)
        {
            var vector = RandomUnit(random, 16);
            var acl = s_groups.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
            Assert.Equal(i, index.Add(vector, acl));
            stored.Add((vector, acl));
        }

        for (var q = 0; q < 50; q++)
        {
            var caller = PrincipalSet.From(s_groups.OrderBy(_ => random.Next()).Take(random.Next(1, 3)));
            var query = RandomUnit(random, 16);

            var expected = stored.Select((entry, slot) => (Slot: slot, Entry: entry))
                .Where(x => caller.CanRead(x.Entry.Acl))
                .Select(x => (x.Slot, Score: TensorPrimitives.Dot(query, x.Entry.Vector)))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Slot)
                .Take(10)
                .Select(x => x.Slot);

            Assert.Equal(expected, index.Search(query, caller, 10).Select(m => m.Slot));
            Assert.Equal(stored.Count(x => caller.CanRead(x.Acl)), index.CountPermitted(caller));
        }
    }

    [Fact]
    public void Remove_FreesTheSlotAndItsPermissions()
    {
        var index = new EmbeddedVectorIndex(2);
        var slot = index.Add([1, 0], ["group:a"]);
        index.Add([0, 1], ["group:b"]);

        Assert.True(index.Remove(slot));
        Assert.False(index.Remove(slot));

        Assert.Empty(index.Search([1, 0], PrincipalSet.From(["group:a"]), 5));
        Assert.Equal(slot, index.Add([1, 0], ["group:c"]));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Search_DoesNotModifyTheStoredBitmapsWhenUnioningACallersPrincipals()
    {
        var index = new EmbeddedVectorIndex(2);
        index.Add([1, 0], ["group:a"]);
        index.Add([0, 1], ["group:b"]);

        Assert.Equal(2, index.Search([1, 0], PrincipalSet.From(["group:a", "group:b"]), 5).Count);

        Assert.Single(index.Search([1, 0], PrincipalSet.From(["group:a"]), 5));
    }

    [Fact]
    public void Add_RejectsAVectorOfTheWrongSizeAndAnEmptyAcl()
    {
        var index = new EmbeddedVectorIndex(3);

        Assert.Contains("2 dimensions but this index holds 3", Assert.Throws<ArgumentException>(() => index.Add([1, 0], ["group:a"])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => index.Add([1, 0, 0], []));
        Assert.Throws<ArgumentException>(() => index.Add([1, 0, 0], ["everyone"]));
    }

    internal static float[] RandomUnit(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm<float>(vector), vector);
        return vector;
    }
}
