from nianbao.launch import main

main()
