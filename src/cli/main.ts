export async function main(argv: string[]): Promise<number> {
  console.log('leadlens', argv.join(' '));
  return 0;
}
