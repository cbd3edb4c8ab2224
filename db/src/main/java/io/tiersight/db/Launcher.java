package io.tiersight.db;
public final class Launcher { public static void main(String[] a) {} }
