using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Isms.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QaFormsAndCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarYear",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    SourceSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYear", x => x.Year);
                    table.ForeignKey(
                        name: "FK_CalendarYear_AspNetUsers_ImportedById",
                        column: x => x.ImportedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OfficeClosure",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeclarationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    From = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Location = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeclaredById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeClosure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficeClosure_AspNetUsers_DeclaredById",
                        column: x => x.DeclaredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingMails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    To = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QaCategory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Rule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaCategory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceDeskSetting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EffectiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TargetDays = table.Column<int>(type: "integer", nullable: false),
                    GoalPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    DayStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DayEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    PauseWhileWaiting = table.Column<bool>(type: "boolean", nullable: false),
                    ReopenDays = table.Column<int>(type: "integer", nullable: false),
                    AtRiskHours = table.Column<int>(type: "integer", nullable: false),
                    DeskUnitId = table.Column<int>(type: "integer", nullable: true),
                    ChangedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceDeskSetting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceDeskSetting_Unit_DeskUnitId",
                        column: x => x.DeskUnitId,
                        principalTable: "Unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaForm",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    RequesterId = table.Column<int>(type: "integer", nullable: false),
                    OwnerUnitId = table.Column<int>(type: "integer", nullable: false),
                    Module = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HandlingUnitId = table.Column<int>(type: "integer", nullable: true),
                    ClockLocation = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Rule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetDays = table.Column<int>(type: "integer", nullable: false),
                    DayStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DayEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    PauseWhileWaiting = table.Column<bool>(type: "boolean", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MissingCalendarYear = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AssigneeId = table.Column<int>(type: "integer", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OnTime = table.Column<bool>(type: "boolean", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    AtRiskNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    Audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    VendorId = table.Column<int>(type: "integer", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SearchText = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaForm", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaForm_Person_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QaForm_Person_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QaForm_QaCategory_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "QaCategory",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QaForm_Unit_HandlingUnitId",
                        column: x => x.HandlingUnitId,
                        principalTable: "Unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QaForm_Unit_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "Unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaAttachment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
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
                    table.PrimaryKey("PK_QaAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaAttachment_QaForm_FormId",
                        column: x => x.FormId,
                        principalTable: "QaForm",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaComment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Internal = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaComment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaComment_QaForm_FormId",
                        column: x => x.FormId,
                        principalTable: "QaForm",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaPause",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaPause", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaPause_QaForm_FormId",
                        column: x => x.FormId,
                        principalTable: "QaForm",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarYear_ImportedById",
                table: "CalendarYear",
                column: "ImportedById");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeClosure_DeclarationId",
                table: "OfficeClosure",
                column: "DeclarationId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeClosure_DeclaredById",
                table: "OfficeClosure",
                column: "DeclaredById");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeClosure_Location_Date",
                table: "OfficeClosure",
                columns: new[] { "Location", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_Reason_To",
                table: "OutgoingMails",
                columns: new[] { "Reason", "To" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_SentAt_NextAttemptAt",
                table: "OutgoingMails",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaAttachment_FormId",
                table: "QaAttachment",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_QaCategory_Code",
                table: "QaCategory",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QaComment_FormId",
                table: "QaComment",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_AssigneeId",
                table: "QaForm",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_CategoryId",
                table: "QaForm",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_HandlingUnitId",
                table: "QaForm",
                column: "HandlingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Number",
                table: "QaForm",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_OwnerUnitId_Classification",
                table: "QaForm",
                columns: new[] { "OwnerUnitId", "Classification" });

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_RequesterId",
                table: "QaForm",
                column: "RequesterId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Status_DueAt",
                table: "QaForm",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Year_Month_CategoryId_AssigneeId_Status_OnTime_Pause~",
                table: "QaForm",
                columns: new[] { "Year", "Month", "CategoryId", "AssigneeId", "Status", "OnTime", "PausedSince", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Year_Sequence",
                table: "QaForm",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QaPause_FormId",
                table: "QaPause",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeskSetting_DeskUnitId",
                table: "ServiceDeskSetting",
                column: "DeskUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeskSetting_EffectiveFrom",
                table: "ServiceDeskSetting",
                column: "EffectiveFrom");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarYear");

            migrationBuilder.DropTable(
                name: "OfficeClosure");

            migrationBuilder.DropTable(
                name: "OutgoingMails");

            migrationBuilder.DropTable(
                name: "QaAttachment");

            migrationBuilder.DropTable(
                name: "QaComment");

            migrationBuilder.DropTable(
                name: "QaPause");

            migrationBuilder.DropTable(
                name: "ServiceDeskSetting");

            migrationBuilder.DropTable(
                name: "QaForm");

            migrationBuilder.DropTable(
                name: "QaCategory");
        }
    }
}
