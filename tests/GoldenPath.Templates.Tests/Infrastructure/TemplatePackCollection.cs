namespace GoldenPath.Templates.Tests.Infrastructure;

/// <summary>One pack and one hive for every test that scaffolds; the tests in it run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class TemplatePackCollection : ICollectionFixture<TemplatePackFixture>
{
    public const string Name = "Template pack";
}
