using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Isms.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IncidentHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClosureApprovedById",
                table: "SecurityReport",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureNote",
                table: "SecurityReport",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosureRequestedAt",
                table: "SecurityReport",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClosureRequestedById",
                table: "SecurityReport",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DrillFailures",
                table: "SecurityReport",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DrillKind",
                table: "SecurityReport",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DrillParticipants",
                table: "SecurityReport",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DrillReported",
                table: "SecurityReport",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DrillResults",
                table: "SecurityReport",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUp",
                table: "SecurityReport",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlingCourse",
                table: "SecurityReport",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OutageId",
                table: "SecurityReport",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PlannedCompletion",
                table: "SecurityReport",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreventiveManagement",
                table: "SecurityReport",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreventiveResources",
                table: "SecurityReport",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreventiveStaffing",
                table: "SecurityReport",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreventiveTechnology",
                table: "SecurityReport",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RootCause",
                table: "SecurityReport",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScopeAndDamage",
                table: "SecurityReport",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ThroughLink",
                table: "SecurityReport",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "SecurityReport",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportFile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<bool>(type: "boolean", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportFile", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportFile_SecurityReport_ReportId",
                        column: x => x.ReportId,
                        principalTable: "SecurityReport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportLink",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportLink_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportTask",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OwnerPersonId = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTask", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportTask_Person_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportTask_SecurityReport_ReportId",
                        column: x => x.ReportId,
                        principalTable: "SecurityReport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportTimelineEntry",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTimelineEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportTimelineEntry_SecurityReport_ReportId",
                        column: x => x.ReportId,
                        principalTable: "SecurityReport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sanction",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sanction", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sanction_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanction_SecurityReport_ReportId",
                        column: x => x.ReportId,
                        principalTable: "SecurityReport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanction_Unit_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReport_OutageId",
                table: "SecurityReport",
                column: "OutageId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReport_UnitId",
                table: "SecurityReport",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportFile_ReportId",
                table: "ReportFile",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportLink_PersonId_CreatedAt",
                table: "ReportLink",
                columns: new[] { "PersonId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportLink_TokenHash",
                table: "ReportLink",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportTask_OwnerPersonId_DoneAt",
                table: "ReportTask",
                columns: new[] { "OwnerPersonId", "DoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportTask_ReportId",
                table: "ReportTask",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportTimelineEntry_ReportId_At",
                table: "ReportTimelineEntry",
                columns: new[] { "ReportId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Sanction_PersonId",
                table: "Sanction",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Sanction_ReportId",
                table: "Sanction",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Sanction_UnitId",
                table: "Sanction",
                column: "UnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_SecurityReport_Outage_OutageId",
                table: "SecurityReport",
                column: "OutageId",
                principalTable: "Outage",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SecurityReport_Unit_UnitId",
                table: "SecurityReport",
                column: "UnitId",
                principalTable: "Unit",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SecurityReport_Outage_OutageId",
                table: "SecurityReport");

            migrationBuilder.DropForeignKey(
                name: "FK_SecurityReport_Unit_UnitId",
                table: "SecurityReport");

            migrationBuilder.DropTable(
                name: "ReportFile");

            migrationBuilder.DropTable(
                name: "ReportLink");

            migrationBuilder.DropTable(
                name: "ReportTask");

            migrationBuilder.DropTable(
                name: "ReportTimelineEntry");

            migrationBuilder.DropTable(
                name: "Sanction");

            migrationBuilder.DropIndex(
                name: "IX_SecurityReport_OutageId",
                table: "SecurityReport");

            migrationBuilder.DropIndex(
                name: "IX_SecurityReport_UnitId",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "ClosureApprovedById",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "ClosureNote",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "ClosureRequestedAt",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "ClosureRequestedById",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "DrillFailures",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "DrillKind",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "DrillParticipants",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "DrillReported",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "DrillResults",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "FollowUp",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "HandlingCourse",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "OutageId",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "PlannedCompletion",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "PreventiveManagement",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "PreventiveResources",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "PreventiveStaffing",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "PreventiveTechnology",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "RootCause",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "ScopeAndDamage",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "ThroughLink",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "SecurityReport");
        }
    }
}
