from civic.cli import main

main()
