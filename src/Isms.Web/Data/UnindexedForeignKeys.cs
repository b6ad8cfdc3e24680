using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Isms.Web.Data;

/// EF's convention indexes every foreign key, and removing such an index afterwards makes the
/// convention add it again. This one, in its place, skips a foreign key whose only property was
/// marked with <see cref="WithoutIndex{T}"/> (before the relationship is configured). Indexes
/// declared with HasIndex are not affected.
public sealed class UnindexedForeignKeys(ProviderConventionSetBuilderDependencies dependencies) : ForeignKeyIndexConvention(dependencies)
{
    private const string Marker = "Isms:WithoutForeignKeyIndex";

    public static PropertyBuilder<T> WithoutIndex<T>(PropertyBuilder<T> property) => property.HasAnnotation(Marker, true);

    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
        properties is [var property] && property.FindAnnotation(Marker) is not null ? null : base.CreateIndex(properties, unique, entityTypeBuilder);

    public override void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        base.ProcessModelFinalizing(modelBuilder, context);
        // The marker has done its work; it is not part of the model the migrations compare.
        foreach (var property in modelBuilder.Metadata.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            property.RemoveAnnotation(Marker);
        }
    }
}
