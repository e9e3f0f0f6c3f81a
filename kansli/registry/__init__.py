"""Who is who: organisations, bodies, people, posts and who held them when."""
