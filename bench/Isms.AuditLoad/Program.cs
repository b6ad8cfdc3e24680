using Isms.AuditLoad;

// The audit trail's load tools (docs/benchmarks.md, issue 3):
//   seed  --sqlite FILE | --postgres CONNECTION  --entries N --chain-key BASE64
//   load  --url URL --user NAME --password TEXT [--writers 32] [--seconds 20] [--warmup 90]
var options = Arguments.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "seed" => await Seeder.RunAsync(options),
    "load" => await Writers.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Isms.AuditLoad seed|load [--option value]...  (see Program.cs)");
    return 2;
}
