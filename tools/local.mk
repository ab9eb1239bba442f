# The amsize command (issue "Account-level books and the amsize command").
